@cross-field-rules
Feature: Cross-field rules
  Some fields exclude or require others (docs/api-notes.md §4.1, documented; §4.2, implied).
  The status for a broken rule is not documented; 422 is the best guess (docs/api-notes.md §13 q2).

  Background:
    Given a chat request with:
      """json
      {
        "max_tokens": 4,
        "tools": [{"type": "function", "function": {"name": "get_weather",
                   "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}}]
      }
      """

  @XF-01 @live-unverified
  Scenario: tools exclude min_tokens
    Given the request sets "min_tokens" to 2
    When the request is sent
    Then the request is rejected with status 422 and code "conflicting_fields"

  @XF-02 @live-unverified
  Scenario: tools exclude response_format
    Given the request sets "response_format" to {"type": "json_object"}
    When the request is sent
    Then the request is rejected with status 422 and code "conflicting_fields"

  @XF-03 @live-unverified
  Scenario: response_format excludes min_tokens
    Given the request omits "tools"
    And the request sets "response_format" to {"type": "json_object"}
    And the request sets "min_tokens" to 2
    When the request is sent
    Then the request is rejected with status 422 and code "conflicting_fields"

  @XF-04 @live-unverified
  Scenario Outline: stream_options needs stream true
    Given the request omits "tools"
    And the request sets "stream_options" to {"include_usage": true}
    And the request sets "stream" to <stream>
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "stream_options"

    Examples:
      | stream |
      | false  |
      | null   |

  @XF-05 @live-unverified
  Scenario Outline: top_logprobs needs logprobs true
    Given the request omits "tools"
    And the request sets "top_logprobs" to 2
    And the request sets "logprobs" to <logprobs>
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "top_logprobs"

    Examples:
      | logprobs |
      | false    |
      | null     |

  @XF-06 @live-unverified
  Scenario: The prompt plus max_tokens must fit the model's context
    Given the request omits "tools"
    And the request sets "max_tokens" to 100000000
    When the request is sent
    Then the request is rejected with status 422 and code "context_length_exceeded"

  @XF-07 @live-unverified
  Scenario Outline: A list of seeds has one seed per choice
    Given the request omits "tools"
    And the request sets "n" to 2
    And the request sets "seed" to <seeds>
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "seed"

    Examples:
      | seeds     |
      | [1]       |
      | [1, 2, 3] |

  @XF-07 @friendli-specific
  Scenario: A list with one seed per choice is accepted
    Given the request omits "tools"
    And the request sets "n" to 2
    And the request sets "seed" to [1, 2]
    When the request is sent
    Then the request is accepted
    And the answer has 2 choices indexed from 0

  @XF-08 @live-unverified
  Scenario: An assistant message needs content unless it has tool calls
    Given the request sets "messages" to [{"role": "user", "content": "hi"}, {"role": "assistant"}, {"role": "user", "content": "and?"}]
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "messages[1].content"

  @XF-08
  Scenario: An assistant message with tool calls may leave content null
    Given the request sets "messages" to [{"role": "user", "content": "Weather in Paris?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"location\": \"Paris\"}"}}]}, {"role": "tool", "tool_call_id": "call_1", "content": "18 C"}]
    And the request sets "tool_choice" to "none"
    When the request is sent
    Then the request is accepted

  @XF-09 @live-unverified
  Scenario: A named tool_choice must name a declared function
    Given the request sets "tool_choice" to {"type": "function", "function": {"name": "book_flight"}}
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "tool_choice"

  @XF-10 @live-unverified
  Scenario Outline: A tool_choice that needs tools is refused without them
    Given the request omits "tools"
    And the request sets "tool_choice" to <choice>
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "tool_choice"

    Examples:
      | choice                                                   |
      | "required"                                               |
      | {"type": "function", "function": {"name": "get_weather"}} |

  @XF-11 @live-unverified
  Scenario: A tool message must answer an earlier tool call
    Given the request sets "messages" to [{"role": "user", "content": "Weather in Paris?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]}, {"role": "tool", "tool_call_id": "call_999", "content": "18 C"}]
    When the request is sent
    Then the request is rejected with status 422

  @XF-12 @live-unverified
  Scenario Outline: A regex response format may not use anchors or look-around
    Given the request omits "tools"
    And the request sets "response_format" to {"type": "regex", "schema": "<regex>"}
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "response_format.schema"

    Examples:
      | regex       |
      | ^[a-z]+$    |
      | (?=a)[a-z]+ |
      | a(?!b)      |

  @XF-13 @live-unverified
  Scenario: reasoning_effort must be one the model accepts
    Given a chat request for the reasoning model
    And the request sets "reasoning_effort" to "low"
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "reasoning_effort"
    And the error message contains "unknown enum value"

  @XF-13
  Scenario: A reasoning_effort the model accepts is accepted
    Given a chat request for the reasoning model
    And the request sets "reasoning_effort" to "high"
    And the request sets "max_tokens" to 8
    When the request is sent
    Then the request is accepted
