@mock-control
Feature: The mock counts what it serves
  The mock's admin API answers GET /__admin/metrics in the Prometheus text format: requests by route,
  status and model, broken rules, faults, tokens, open streams, time to first token and stream
  durations. Counters only grow (a reset of the mock leaves them alone), so each scenario reads the
  metrics before the request and checks by how much they grew after it. On targets without the
  mock's admin API these scenarios are skipped with that reason.

  @MET-01
  Scenario: A refused request counts under its status and under the rule it broke
    Given a chat request with:
      """json
      {"top_p": 0}
      """
    And the mock's metrics are read
    When the request is sent
    Then the request is rejected with status 422
    And the mock's metrics have grown by:
      | metric                         | labels                       | by |
      | friendli_mock_requests_total   | status="422", stream="false" | 1  |
      | friendli_mock_violations_total | rule="VAL-RANGE"             | 1  |
      | friendli_mock_tokens_total     |                              | 0  |

  @MET-02
  Scenario: A stream counts its tokens, its first token, its duration and the fault that slowed it
    Given a chat request with:
      """json
      {"max_tokens": 8, "min_tokens": 8}
      """
    And the request is streamed
    And the mock injects the fault {"type": "latency", "firstTokenMs": 100, "interTokenMs": 0}
    And the mock's metrics are read
    When the request is sent
    Then the stream ends with [DONE] and nothing follows it
    And the mock's metrics have grown by:
      | metric                                          | labels                      | by             |
      | friendli_mock_requests_total                    | status="200", stream="true" | 1              |
      | friendli_mock_tokens_total                      | type="completion"           | 8              |
      | friendli_mock_time_to_first_token_seconds_count | stream="true"               | 1              |
      | friendli_mock_time_to_first_token_seconds_sum   | stream="true"               | at least 0.1   |
      | friendli_mock_stream_duration_seconds_count     |                             | 1              |
      | friendli_mock_faults_total                      | type="latency"              | 1              |

  @MET-03
  Scenario: A model the mock does not know is counted as "unknown", not under its own name
    Given a chat request for the model "no-such-org/model-8243"
    And the mock's metrics are read
    When the request is sent
    Then the request is rejected with status 404
    And the mock's metrics have grown by:
      | metric                       | labels                         | by |
      | friendli_mock_requests_total | status="404", model="unknown"  | 1  |
    And the mock's metrics do not mention "model-8243"
