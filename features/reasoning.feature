@reasoning @friendli-specific
Feature: Reasoning output
  On a reasoning model, "parse_reasoning": true splits the model's reasoning into
  "reasoning_content" and keeps the answer in "content"; "include_reasoning": false withholds the
  parsed reasoning; "reasoning_effort" takes one of the model's own values (docs/api-notes.md §3.1, §4.1
  rules 8-9, §8, §13 q14). The reasoning model is configurable (FRIENDLI_REASONING_MODEL, default
  zai-org/GLM-5.2, whose efforts are "high" and "max").

  Background:
    Given a chat request for the reasoning model
    And the request sets "max_tokens" to 64
    And the request sets "seed" to 9

  @REASON-01
  Scenario: parse_reasoning returns the reasoning in reasoning_content
    Given the request sets "parse_reasoning" to true
    When the request is sent
    Then every choice has a non-empty "message.reasoning_content"

  @REASON-02 @live-unverified
  Scenario: Streamed reasoning_content deltas add up to the plain reasoning
    Given the request sets "parse_reasoning" to true
    When the request is sent plainly and streamed
    Then every choice has a non-empty "message.reasoning_content"
    And every streamed choice has the same "message.reasoning_content" as the plain answer

  @REASON-03
  Scenario: include_reasoning false withholds the reasoning
    Given the request sets "parse_reasoning" to true
    And the request sets "include_reasoning" to false
    When the request is sent
    Then no choice has "message.reasoning_content"

  @REASON-03
  Scenario: A streamed answer withholds it too
    Given the request sets "parse_reasoning" to true
    And the request sets "include_reasoning" to false
    And the request is streamed
    When the request is sent
    Then no choice has "message.reasoning_content"

  @REASON-04 @live-unverified
  Scenario: A model that does not reason returns no reasoning_content
    Given a chat request
    And the request sets "parse_reasoning" to true
    And the request sets "max_tokens" to 16
    When the request is sent
    Then no choice has "message.reasoning_content"
