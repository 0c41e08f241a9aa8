@logprobs
Feature: logprobs and top_logprobs
  With logprobs true every choice lists its generated tokens with their log-probabilities and
  top_logprobs alternatives per position (spec sections 3.1, 8).

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
      | 0  |
      | 1  |
      | 5  |
      | 20 |

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
