@stream-options
Feature: stream_options and the usage chunk
  With stream_options.include_usage true the stream ends with one extra chunk whose "choices" is
  [] and whose "usage" holds the totals; without it no usage is streamed (docs/api-notes.md §3.1, §9.3).

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 16, "seed": 5}
      """

  @USG-01 @live-unverified
  Scenario: Without include_usage no usage chunk is sent
    Given the request is streamed
    When the request is sent
    Then the stream carries no usage chunk

  @USG-01 @live-unverified
  Scenario: With include_usage false no usage chunk is sent
    Given the request is streamed
    And the request sets "stream_options" to {"include_usage": false}
    When the request is sent
    Then the stream carries no usage chunk

  @USG-02
  Scenario: With include_usage the stream ends with one usage chunk without choices
    Given the request is streamed with usage
    When the request is sent
    Then the stream ends with one usage chunk without choices
    And the stream ends with [DONE] and nothing follows it
    And the usage total is prompt plus completion tokens

  @USG-03
  Scenario: The streamed usage equals the usage of the plain answer
    When the request is sent plainly and streamed
    Then the streamed usage equals the plain answer's usage
