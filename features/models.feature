@models
Feature: The models list
  GET /serverless/v1/models returns the public model catalogue as {"data": [...]}
  (docs/api-notes.md §1 and §11).

  @MOD-01
  Scenario: The catalogue is a list of models
    When the models are listed
    Then the response status is 200
    And the response is a list of models, each with an id

  @MOD-04 @friendli-specific
  Scenario: Each model carries Friendli's catalogue members
    When the models are listed
    Then the response status is 200
    And the response is JSON conforming to the "models.list" schema

  @MOD-02
  Scenario: The catalogue lists the model the kit is configured with
    When the models are listed
    Then the model list contains the configured model

  @MOD-03 @live-unverified
  Scenario: The catalogue needs no token
    Given the request has no Authorization header
    When the models are listed
    Then the response status is 200
    And the response is a list of models, each with an id
