@streaming
Feature: The streamed answer
  With "stream": true the answer is a text/event-stream of data-only events, each carrying one
  chat.completion.chunk, ended by "data: [DONE]" (docs/api-notes.md §9).

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 16, "seed": 11}
      """
    And the request is streamed

  @SSE-01
  Scenario: The answer is an event stream
    When the request is sent
    Then the response is an event stream

  @SSE-02 @friendli-specific
  Scenario: Every event is one data line followed by a blank line
    When the request is sent
    Then every event is a single data line

  @SSE-03
  Scenario: Every event before [DONE] is a chat.completion.chunk
    When the request is sent
    Then every chunk conforms to the "chat.completion.chunk" schema

  @SSE-04
  Scenario: All chunks of one stream share one id
    When the request is sent
    Then all chunks share one id

  @RESP-02 @live-unverified
  Scenario: The streamed id has the documented shape too
    When the request is sent
    Then the answer field "id" matches "chatcmpl-[0-9a-f]{32}"

  @SSE-05
  Scenario Outline: The first delta of every choice carries the assistant role
    Given the request sets "n" to <n>
    When the request is sent
    Then the first delta of every choice carries the role "assistant"

    Examples:
      | n |
      | 1 |
      | 2 |

  @SSE-06
  Scenario Outline: Every choice finishes exactly once
    Given the request sets "n" to <n>
    When the request is sent
    Then every choice finishes exactly once, in its last chunk
    And every choice finishes with one of "stop, length, tool_calls"

    Examples:
      | n |
      | 1 |
      | 3 |

  @RESP-06 @costly
  Scenario: A stream carries one choice per requested completion, indexed from 0
    Given the request sets "n" to 3
    When the request is sent
    Then the answer has 3 choices indexed from 0

  @SSE-09 @friendli-specific
  Scenario: Friendli sends the finish_reason in a chunk of its own, with an empty delta
    When the request is sent
    Then the finishing chunk of every choice has an empty delta

  @SSE-07
  Scenario: [DONE] is the last event and nothing follows it
    When the request is sent
    Then the stream ends with [DONE] and nothing follows it

  @SSE-08
  Scenario Outline: The reassembled stream equals the plain answer to the same seeded request
    Given the request sets "n" to <n>
    When the request is sent plainly and streamed
    Then the streamed answer equals the plain answer

    Examples:
      | n |
      | 1 |
      | 2 |
