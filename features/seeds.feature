@seeds
Feature: seed
  A seed fixes the sampling randomness: the same seeded request gets the same answer, another seed
  another one. With n > 1 a list supplies one seed per generation (docs/api-notes.md §3.1 "seed",
  section 4.1 rule 7). Lower temperatures move towards greedy decoding, which ignores the seed.

  Background:
    Given a chat request with:
      """json
      {"messages": [{"role": "user", "content": "Invent a short, unusual story opening."}], "max_tokens": 16}
      """

  @SEED-01
  Scenario: The same seeded request gets the same content twice
    Given the request sets "seed" to 42
    When the request is sent twice
    Then both answers have the same content

  @SEED-02 @live-unverified
  Scenario: Different seeds give different content
    When the request is sent with "seed" set to 1 and again with 2
    Then the two answers differ in content

  @SEED-03 @live-unverified
  Scenario: With temperature 0 the seed makes no difference
    Given the request sets "temperature" to 0
    When the request is sent with "seed" set to 1 and again with 2
    Then both answers have the same content

  @SEED-04 @live-unverified
  Scenario: Each generation follows its own seed from the list
    Given the request sets "n" to 2
    And the request sets "seed" to [5, 6]
    When the request is sent
    Then the answer has 2 choices indexed from 0
    And every choice has the content a single request with its seed gets
