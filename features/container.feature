@container
Feature: The Friendli Container path
  A self-hosted Friendli Container serves POST /v1/chat/completions without authentication, and
  "model" is optional there (it selects an adapter route) (docs/api-notes.md §1, §3). Runs where a container
  base URL is known (FRIENDLI_CONTAINER_BASE_URL; derived as <origin>/v1 on a mock), skipped elsewhere.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 8}
      """
    And the request targets the container path

  @CONT-01
  Scenario: The container path needs no Authorization header
    Given the request has no Authorization header
    When the request is sent
    Then the response status is 200
    And the response is JSON conforming to the "chat.completion" schema

  @CONT-02
  Scenario: The container path answers a request without a model
    Given the request has no Authorization header
    And the request omits "model"
    When the request is sent
    Then the response status is 200
    And the response is JSON conforming to the "chat.completion" schema
