@logprobs
Feature: logprobs and top_logprobs
  With logprobs true every choice lists its generated tokens with their log-probabilities and
  top_logprobs alternatives per position (docs/api-notes.md §3.1, §8).

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 8, "seed": 17}
      """

  @LOGP-01 @costly
  Scenario Outline: top_logprobs sets the number of alternatives per token
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to <k>
    When the request is sent
    Then every choice carries log-probabilities with <k> alternatives per token

    Examples:
      | k  |
      | 1  |
      | 5  |
      | 20 |

  @LOGP-01
  Scenario: top_logprobs 0 lists every token with no alternatives
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 0
    When the request is sent
    Then every choice carries log-probabilities with 0 alternatives per token

  @LOGP-01
  Scenario: A streamed answer carries log-probabilities too
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 2
    And the request is streamed
    When the request is sent
    Then every choice carries log-probabilities with 2 alternatives per token

  @LOGP-02
  Scenario Outline: Without logprobs no log-probabilities are returned
    Given the request sets "logprobs" to <logprobs>
    When the request is sent
    Then no choice carries log-probabilities

    Examples:
      | logprobs |
      | false    |
      | null     |

  @LOGP-03
  Scenario: Log-probabilities are well formed
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 3
    And the request sets "messages" to [{"role": "user", "content": "Schreib einen Satz über Käse und Übermut, mit Emoji 🧀."}]
    When the request is sent
    Then every choice carries log-probabilities with 3 alternatives per token
    And the log-probabilities are well formed

  @LOGP-04 @live-unverified
  Scenario: With temperature 0 the chosen token is the most likely alternative
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 3
    And the request sets "temperature" to 0
    When the request is sent
    Then at every position the chosen token is the first alternative

  @LOGP-05 @mock-contract
  Scenario: When sampling, the chosen token is among its alternatives
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 2
    When the request is sent
    Then at every position the chosen token is among the alternatives

  @LOGP-06
  Scenario: Streamed log-probabilities equal the plain ones for the same seeded request
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to 2
    When the request is sent plainly and streamed
    Then every streamed choice has the same "logprobs" as the plain answer
