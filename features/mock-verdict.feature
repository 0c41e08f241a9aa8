@mock-control
Feature: The client verdict: how the client behaved, graded by the mock
  After a run the mock grades its client from what it received: the rules its requests broke, the
  documented features it used and never used, and how it behaved after errors. Each scenario plays one
  client in its own session and reads the verdict of that session.

  Background:
    Given a chat request with:
      """json
      {"messages": [{"role": "user", "content": "Hello there"}]}
      """

  @VER-01
  Scenario: A broken rule fails the verdict and is counted
    Given a chat request with:
      """json
      {"messages": [{"role": "user", "content": "Hello there"}], "top_p": 0}
      """
    And the request is in session "verdict-rules"
    When the request is sent
    Then the request is rejected with status 422
    And the mock's verdict for session "verdict-rules" is "fail"
    And the mock's verdict for session "verdict-rules" counts 1 request breaking a rule on "top_p"

  @VER-02
  Scenario: The coverage shows the features a client used and those it never used
    Given the request is streamed with usage
    And the request is in session "verdict-coverage"
    When the request is sent
    Then the mock's verdict for session "verdict-coverage" shows "streaming" as used
    And the mock's verdict for session "verdict-coverage" shows "include_usage" as used
    And the mock's verdict for session "verdict-coverage" shows "logprobs" as never
    And the mock's verdict for session "verdict-coverage" is "pass"

  @VER-03
  Scenario: A client that retries at once after a 429 with Retry-After fails the retry check
    Given the mock answers the next request of session "verdict-eager" with HTTP 429 asking to wait 2 seconds
    And the request is in session "verdict-eager"
    When the request is sent
    Then the request is rejected with status 429
    When the request is sent
    Then the request is accepted
    And the mock's verdict for session "verdict-eager" judges "retry_after" as "fail"
    And the mock's verdict for session "verdict-eager" is "fail"
