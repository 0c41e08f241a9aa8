@generation-limits
Feature: max_tokens, min_tokens and stop
  max_tokens caps the generated tokens and a cut answer ends with "length"; min_tokens sets a floor;
  a stop phrase ends generation and is not part of the output (docs/api-notes.md §3.1, §4.1 rule 5, §8).

  Background:
    Given a chat request with:
      """json
      {"messages": [{"role": "user", "content": "Write a long story about a lighthouse keeper."}], "seed": 3}
      """

  @GEN-01
  Scenario Outline: max_tokens caps the completion
    Given the request sets "max_tokens" to <max>
    When the request is sent
    Then the completion uses at most <max> tokens per choice
    And every choice finishes with one of "stop, length"

    Examples:
      | max |
      | 1   |
      | 5   |
      | 20  |

  @GEN-02
  Scenario: An answer cut by max_tokens ends with "length"
    Given the request sets "max_tokens" to 1
    When the request is sent
    Then every choice finishes with "length"
    And the completion uses at most 1 token per choice

  @GEN-02
  Scenario: A streamed answer cut by max_tokens ends with "length"
    Given the request sets "max_tokens" to 2
    And the request is streamed with usage
    When the request is sent
    Then every choice finishes with "length"
    And the completion uses at most 2 tokens per choice

  @GEN-03 @costly @friendli-specific
  Scenario Outline: min_tokens sets a floor on the completion
    Given the request sets "min_tokens" to <min>
    And the request sets "max_tokens" to 40
    When the request is sent
    Then the completion uses at least <min> tokens per choice
    And the completion uses at most 40 tokens per choice

    Examples:
      | min |
      | 0   |
      | 10  |
      | 40  |

  @GEN-04
  Scenario: A stop phrase is not part of the output
    Given the request sets "messages" to [{"role": "user", "content": "Count from 1 to 20, separated by spaces."}]
    And the request sets "stop" to ["7"]
    And the request sets "max_tokens" to 60
    When the request is sent
    Then no choice's content contains "7"
    And every choice finishes with one of "stop, length"

  @GEN-05 @mock-control
  Scenario: Generation ends at the first stop phrase with finish reason "stop"
    Given the mock replies "The sky is blue. Ask me more." to messages containing "sky"
    And the request sets "messages" to [{"role": "user", "content": "What colour is the sky?"}]
    And the request sets "stop" to ["blue", "more"]
    When the request is sent
    Then the content of every choice is "The sky is "
    And every choice finishes with "stop"

  @GEN-05 @mock-control
  Scenario: A streamed answer also ends at the stop phrase
    Given the mock replies "The sky is blue. Ask me more." to messages containing "sky"
    And the request sets "messages" to [{"role": "user", "content": "What colour is the sky?"}]
    And the request sets "stop" to ["blue"]
    And the request is streamed
    When the request is sent
    Then the content of every choice is "The sky is "
    And every choice finishes with "stop"

  @GEN-06
  Scenario: A streamed answer holds back the stop phrase and equals the plain answer
    Given the request sets "stop" to ["the"]
    And the request sets "max_tokens" to 60
    When the request is sent plainly and streamed
    Then no choice's content contains "the"
    And every choice finishes with "stop"
    And the streamed answer equals the plain answer

  @GEN-03 @friendli-specific
  Scenario: A streamed answer honours min_tokens too
    Given the request sets "min_tokens" to 12
    And the request sets "max_tokens" to 40
    And the request is streamed with usage
    When the request is sent
    Then the completion uses at least 12 tokens per choice

  @GEN-07 @mock-contract
  Scenario: A streamed answer with min_tokens carries at least that many content chunks
    Given the request sets "min_tokens" to 12
    And the request sets "max_tokens" to 40
    And the request is streamed
    When the request is sent
    Then every choice streams at least 12 content chunks
