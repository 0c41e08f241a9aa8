@plain-response
Feature: The plain (non-streamed) answer
  With "stream" false or absent the answer is one application/json chat.completion object
  (docs/api-notes.md §8).

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 16, "seed": 7}
      """

  @RESP-01
  Scenario: The answer is a chat.completion object
    When the request is sent
    Then the response status is 200
    And the response is JSON conforming to the "chat.completion" schema

  @RESP-02 @live-unverified
  Scenario: The id is chatcmpl- followed by 32 hex digits
    When the request is sent
    Then the answer field "id" matches "chatcmpl-[0-9a-f]{32}"

  @RESP-03
  Scenario: The object type is chat.completion
    When the request is sent
    Then the answer field "object" is "chat.completion"

  @RESP-04
  Scenario: created is the Unix time in seconds
    When the request is sent
    Then the answer field "created" holds a Unix time close to now

  @RESP-05
  Scenario: The answer names the requested model
    When the request is sent
    Then the answer field "model" matches "\S+"

  @RESP-06 @costly
  Scenario Outline: There is one choice per requested completion, indexed from 0
    Given the request sets "n" to <n>
    When the request is sent
    Then the answer has <n> choices indexed from 0

    Examples:
      | n |
      | 1 |
      | 2 |
      | 3 |

  @RESP-07
  Scenario: Every choice is an assistant message with a documented finish reason
    Given the request sets "n" to 2
    When the request is sent
    Then every choice has "message.role" equal to "assistant"
    And every choice finishes with one of "stop, length, tool_calls"

  @RESP-08
  Scenario: The usage total is the sum of prompt and completion tokens
    When the request is sent
    Then the usage total is prompt plus completion tokens

  @RESP-09 @live-unverified
  Scenario: The same seeded request gets the same answer
    When the request is sent plainly and streamed
    Then the streamed answer equals the plain answer
