@dedicated
Feature: The dedicated endpoints path
  POST /dedicated/v1/chat/completions takes an endpoint id as "model", optionally with
  ":ADAPTER_ROUTE" to reach a LoRA adapter (docs/api-notes.md §1). The answer names the endpoint.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 8}
      """

  @DED-01
  Scenario: An endpoint id is answered with a chat.completion naming it
    Given the request targets the dedicated endpoint
    When the request is sent
    Then the response status is 200
    And the response is JSON conforming to the "chat.completion" schema

  @DED-02
  Scenario: An adapter route is accepted
    Given the request targets the dedicated endpoint with adapter "my-adapter"
    When the request is sent
    Then the request is accepted

  @DED-03
  Scenario: The dedicated path streams like the serverless one
    Given the request targets the dedicated endpoint
    And the request is streamed
    When the request is sent
    Then the response is an event stream
    And every chunk conforms to the "chat.completion.chunk" schema
    And the stream ends with [DONE] and nothing follows it

  @DED-04 @live-unverified
  Scenario: An unknown endpoint id is refused with 404
    Given the request targets the dedicated endpoint with adapter "no-such-adapter-9"
    When the request is sent
    Then the request is rejected with status 404
