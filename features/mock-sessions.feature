@mock-control
Feature: Control of the mock scoped to one request or one test session
  Tests running in parallel against one mock keep out of each other's way: each names its session in
  the X-Mock-Session header, and faults and scripted replies added for a session apply only to the
  requests of that session (beside the global ones). A request may also carry its own fault in the
  X-Mock-Fault header, or pick a scripted reply by id in X-Mock-Scenario. Where scopes overlap, the
  request's header wins over the session, and the session over the global control.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 8, "min_tokens": 8}
      """

  @SES-01
  Scenario: Two tests sharing the mock at once each see only their own fault
    Given the mock drops the connection after 2 chunks for session "alice"
    And the mock answers every request with HTTP 503 for session "bob"
    And the request is streamed
    When sessions "alice" and "bob" each send the request 4 times at once
    Then every answer in session "alice" is a stream cut without [DONE]
    And every answer in session "bob" is rejected with status 503
    And the mock journal lists 4 requests for session "alice"
    And the mock journal lists 4 requests for session "bob"

  @SES-02
  Scenario: A request outside the session sees none of the session's faults
    Given the mock answers every request with HTTP 503 for session "bob"
    And the request is in session "carol"
    When the request is sent
    Then the request is accepted

  @SES-03
  Scenario: A fault in the request's header applies to that request alone
    Given the request is streamed
    And the request carries the fault "disconnect;afterChunks=3"
    When the request is sent
    Then the stream ends without [DONE]
    And the stream carries 3 chunks
    And the mock journal's last entry ended as "fault" after 3 chunks

  @SES-04
  Scenario: The request's header wins over the session, and the session over the global faults
    Given the mock answers every request with HTTP 503
    And the mock answers every request with HTTP 429 for session "alice"
    And the request is in session "alice"
    When the request is sent
    Then the request is rejected with status 429
    Given the request carries the fault "http_error;status=418"
    When the request is sent
    Then the request is rejected with status 418

  @SES-05
  Scenario: A scripted reply for a session answers only that session
    Given the mock replies "Only for Alice." to every request of session "alice"
    And the request is in session "alice"
    When the request is sent
    Then the content of every choice is "Only for Alice."
    And the mock journal lists 1 request for session "alice"

  @SES-06
  Scenario: A request can pick a scripted reply by its id, whatever the reply matches
    Given the mock keeps the reply "It rains." for messages containing "a text nobody sends"
    And the request picks that reply by its id
    When the request is sent
    Then the content of every choice is "It rains."

  @SES-07
  Scenario: A bad fault header is refused, naming the header and the member
    Given the request carries the fault "disconnect;afterChunks=-1"
    When the request is sent
    Then the request is rejected with status 400
    And the error names the parameter "X-Mock-Fault"
    And the error message contains "afterChunks"

  @SES-08
  Scenario: The journal records how a stream ended for the client
    Given the request is streamed
    When the request is sent
    Then the stream ends with [DONE] and nothing follows it
    And the mock journal's last entry ended as "completed"
