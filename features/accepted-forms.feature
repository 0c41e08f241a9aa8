@accepted-forms
Feature: Every documented form of a field is accepted
  Several fields have more than one documented form (spec sections 2, 3.1, 5.2, 6): content as a
  string or as a list of parts, seed as a number or as a list, tool_choice as a word or as an
  object, an optional X-Friendli-Team header. A server that refuses one of them breaks the contract
  as surely as one that accepts a wrong value.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 4}
      """

  @FORM-01
  Scenario Outline: A user message's content may be a string or a list of text parts
    Given the request sets "messages" to <messages>
    When the request is sent
    Then the request is accepted

    Examples:
      | messages                                                                                            |
      | [{"role": "user", "content": "Hello"}]                                                              |
      | [{"role": "user", "content": [{"type": "text", "text": "Hello"}]}]                                   |
      | [{"role": "user", "content": [{"type": "text", "text": "Hello"}, {"type": "text", "text": "again"}]}] |

  @FORM-02
  Scenario: seed may be a number
    Given the request sets "seed" to 7
    When the request is sent
    Then the request is accepted

  @FORM-02 @friendli-specific
  Scenario Outline: seed may be a list of one seed per generation (Friendli's extension)
    Given the request sets "n" to <n>
    And the request sets "seed" to <seed>
    When the request is sent
    Then the request is accepted

    Examples:
      | n | seed   |
      | 1 | [7]    |
      | 2 | [7, 8] |

  @FORM-03
  Scenario Outline: tool_choice may be a word or an object naming a function
    Given the request sets "tools" to [{"type": "function", "function": {"name": "get_time", "description": "Local time", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]
    And the request sets "tool_choice" to <choice>
    And the request sets "max_tokens" to 64
    When the request is sent
    Then the request is accepted

    Examples:
      | choice                                                  |
      | "auto"                                                  |
      | "none"                                                  |
      | "required"                                              |
      | {"type": "function", "function": {"name": "get_time"}}  |

  @FORM-04
  Scenario Outline: stop may list one phrase or several
    Given the request sets "stop" to <stop>
    When the request is sent
    Then the request is accepted

    Examples:
      | stop              |
      | ["END"]           |
      | ["END", "STOP"]   |
      | []                |

  @FORM-05
  Scenario: X-Friendli-Team naming a team the token belongs to is accepted
    Given the request names a team the token belongs to
    When the request is sent
    Then the request is accepted
