@mock-control
Feature: Failure behaviour, driven through the mock's admin API
  These scenarios need a server with the mock's admin API (faults, scenarios, journal); on other
  targets they are skipped with that reason. They pin how errors surface to a client.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 16}
      """

  @CTL-01
  Scenario: An upstream error answers with the error envelope and Retry-After
    Given the mock injects the fault {"type": "http_error", "status": 503, "message": "overloaded", "retryAfterSeconds": 2}
    When the request is sent
    Then the request is rejected with status 503
    And the response header "Retry-After" is "2"

  @CTL-02
  Scenario: A scripted reply is returned word for word
    Given the mock replies "Bonjour, je suis un perroquet." to messages containing "hello"
    When the request is sent
    Then the content of every choice is "Bonjour, je suis un perroquet."

  @CTL-03
  Scenario: The first token can be delayed
    Given the mock injects the fault {"type": "latency", "firstTokenMs": 300, "interTokenMs": 0}
    And the request is streamed
    When the request is sent
    Then the first event arrives after at least 300 ms
    And the stream ends with [DONE] and nothing follows it

  @CTL-04
  Scenario: A dropped connection leaves the stream without [DONE]
    Given the mock injects the fault {"type": "disconnect", "afterChunks": 2}
    And the request is streamed
    When the request is sent
    Then the stream ends without [DONE]

  @CTL-05
  Scenario: An error in the middle of a stream arrives as an event with an error object
    Given the mock injects the fault {"type": "stream_error", "afterChunks": 1, "message": "engine crashed"}
    And the request is streamed
    When the request is sent
    Then an event carries an error object

  @CTL-06
  Scenario: The journal records every request with its status
    Given the request sets "top_p" to 0
    When the request is sent
    Then the mock journal's last entry has status 422

  @CTL-07
  Scenario: A rate-limited request is told when to retry
    Given the mock injects the fault {"type": "http_error", "status": 429, "message": "rate limit exceeded", "retryAfterSeconds": 1}
    When the request is sent
    Then the request is rejected with status 429
    And the response tells the client when to retry

  @CTL-08
  Scenario: A request limit set at runtime refuses the requests beyond it and says when to retry
    Given the mock allows 2 requests per minute
    When the request is sent 3 times
    Then the requests are answered 200, 200 and 429
    And the header "x-ratelimit-limit-requests" of the answers is 2, 2 and 2
    And the header "x-ratelimit-remaining-requests" of the answers is 1, 0 and 0
    And the request is rejected with status 429 and code "rate_limit_exceeded"
    And the response tells the client when to retry

  @CTL-09
  Scenario: A token limit set at runtime serves the request that uses up the minute's tokens and refuses the next
    Given the mock allows 50 tokens per minute
    When the request is sent 8 times
    Then the requests are answered 200 until 50 tokens are used, then 429
    And the request is rejected with status 429 and code "rate_limit_exceeded"
    And the response tells the client when to retry
    And the response header "x-ratelimit-limit-tokens" is "50"
    And the response header "x-ratelimit-remaining-tokens" is "0"

  @CTL-10
  Scenario: A reset puts back the limits the mock started with
    Given the mock allows 1 request per minute
    And the mock allows 1000 tokens per minute
    When the request is sent 2 times
    Then the requests are answered 200 and 429
    When the mock is reset
    Then the mock's limits are those it started with
