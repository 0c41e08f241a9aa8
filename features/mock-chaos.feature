@mock-control
Feature: Chaos: faults that fire by chance, retry hints, rate limits, stalls and trickles
  These scenarios need the mock's admin API; elsewhere they are skipped with that reason. A fault may fire
  with a probability, drawn from the mock's seed and the fault's own seed, so a chaos run repeats exactly.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 8}
      """

  @CHAOS-01
  Scenario: A scripted rate limit answers as the request limiter does
    Given the mock injects the fault {"type": "rate_limit", "limit": 60, "retryAfterSeconds": 3, "times": 1}
    When the request is sent
    Then the request is rejected with status 429 and code "rate_limit_exceeded"
    And the response header "Retry-After" is "3"
    And the response header "x-ratelimit-limit-requests" is "60"
    And the response header "x-ratelimit-remaining-requests" is "0"
    And the response header "x-ratelimit-reset-requests" is "3s"

  @CHAOS-02
  Scenario: An injected error carries the retry hints OpenAI clients read
    Given the mock injects the fault {"type": "http_error", "status": 500, "retryAfterMs": 250, "shouldRetry": false}
    When the request is sent
    Then the request is rejected with status 500
    And the response header "retry-after-ms" is "250"
    And the response header "x-should-retry" is "false"

  @CHAOS-03
  Scenario: A fault with probability 0 never fires, one with probability 1 always does
    Given the mock injects the fault {"type": "http_error", "status": 500, "probability": 0}
    When the request is sent 5 times
    Then every request is answered 200
    Given the mock injects the fault {"type": "http_error", "status": 503, "probability": 1}
    When the request is sent 5 times
    Then every request is answered 503

  @CHAOS-04
  Scenario: A chaos run repeats from its seeds
    Given the mock injects the fault {"type": "http_error", "status": 503, "probability": 0.5, "seed": 2026}
    When the request is sent 12 times
    Then some requests are answered 503 and the others 200
    And after a reset the same faults and requests get the same answers

  @CHAOS-05
  Scenario: A stalled stream sends its first chunks and then nothing until the client gives up
    Given the mock injects the fault {"type": "stall", "afterChunks": 2}
    And the request is streamed
    When the request is sent, waiting at most 1500 ms
    Then the stream stalls after 2 events

  @CHAOS-06
  Scenario: A trickled answer arrives whole, a few bytes at a time
    Given the mock injects the fault {"type": "trickle", "bytesPerWrite": 32, "delayMs": 10}
    When the request is sent
    Then the response status is 200
    And the response is JSON conforming to the "chat.completion" schema
    And the answer took at least 50 ms to arrive
