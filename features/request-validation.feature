@request-validation
Feature: Request validation
  Every field has a JSON type, a nullability and, for numbers, a range (docs/api-notes.md §3.1). A body
  that breaks one of them is refused with 422 and an error naming the field (docs/api-notes.md §4.3);
  values on the inside of every boundary are accepted.

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 4}
      """

  @VAL-01
  Scenario Outline: A required field must be present
    Given the request omits "<field>"
    When the request is sent
    Then the request is rejected as invalid
    And the error names the parameter "<field>"

    Examples:
      | field    |
      | model    |
      | messages |

  @VAL-01 @live-unverified @friendli-specific
  Scenario Outline: Friendli refuses a missing required field with 422 missing_field
    Given the request omits "<field>"
    When the request is sent
    Then the request is rejected with status 422 and code "missing_field"
    And the error names the parameter "<field>"

    Examples:
      | field    |
      | model    |
      | messages |

  @VAL-02 @live-unverified
  Scenario Outline: A field of the wrong JSON type is refused
    Given the request sets "<field>" to <value>
    When the request is sent
    Then the request is rejected with status 422 and code "invalid_type"
    And the error names the parameter "<field>"

    Examples:
      | field                | value              |
      | model                | 42                 |
      | messages             | {"role": "user"}   |
      | messages[0].content  | 7                  |
      | frequency_penalty    | "high"             |
      | presence_penalty     | true               |
      | logprobs             | "yes"              |
      | max_tokens           | 4.5                |
      | max_tokens           | "4"                |
      | min_tokens           | 1.5                |
      | n                    | "2"                |
      | seed                 | "7"                |
      | seed                 | [1.5]              |
      | stop                 | [1, 2]             |
      | stream               | "true"             |
      | stream_options       | true               |
      | temperature          | "warm"             |
      | top_k                | 2.5                |
      | top_p                | "0.5"              |
      | top_logprobs         | 2.5                |
      | min_p                | []                 |
      | repetition_penalty   | {}                 |
      | logit_bias           | [1, 2]             |
      | eos_token            | ["a"]              |
      | tools                | {}                 |
      | tool_choice          | 5                  |
      | response_format      | "json_object"      |
      | parallel_tool_calls  | "no"               |
      | chat_template_kwargs | []                 |
      | xtc_threshold        | "0.1"              |
      | xtc_probability      | false              |
      | parse_reasoning      | "yes"              |
      | include_reasoning    | 1                  |
      | reasoning_budget     | 1.5                |
      | timeout_microseconds | "1000"             |

  @VAL-03
  Scenario Outline: null means "use the default" for every optional field except tool_choice
    Given the request sets "<field>" to null
    When the request is sent
    Then the request is accepted

    Examples:
      | field                |
      | chat_template_kwargs |
      | eos_token            |
      | frequency_penalty    |
      | logit_bias           |
      | logprobs             |
      | max_tokens           |
      | min_p                |
      | n                    |
      | parallel_tool_calls  |
      | presence_penalty     |
      | repetition_penalty   |
      | seed                 |
      | stop                 |
      | stream               |
      | stream_options       |
      | temperature          |
      | top_k                |
      | top_logprobs         |
      | top_p                |
      | xtc_threshold        |
      | xtc_probability      |
      | tools                |
      | min_tokens           |
      | response_format      |
      | reasoning_budget     |
      | parse_reasoning      |
      | include_reasoning    |

  @VAL-04 @live-unverified
  Scenario Outline: Fields that are not nullable refuse null
    Given the request sets "<field>" to null
    When the request is sent
    Then the request is rejected with status 422 and code "null_not_allowed"
    And the error names the parameter "<field>"

    Examples:
      | field       |
      | model       |
      | messages    |
      | tool_choice |

  @VAL-05 @live-unverified
  Scenario Outline: A number outside its documented range is refused
    Given the request sets "<field>" to <value>
    When the request is sent
    Then the request is rejected with status 422 and code "out_of_range"
    And the error names the parameter "<field>"

    Examples: ranges stated in the spec
      | field             | value  |
      | top_p             | 0      |
      | top_p             | -0.1   |
      | top_p             | 1.0001 |
      | frequency_penalty | -2.01  |
      | frequency_penalty | 2.01   |
      | presence_penalty  | -2.01  |
      | presence_penalty  | 2.01   |
      | min_p             | -0.01  |
      | min_p             | 1.01   |
      | xtc_threshold     | -0.01  |
      | xtc_threshold     | 1.01   |
      | xtc_probability   | -0.01  |
      | xtc_probability   | 1.01   |
      | top_k             | -1     |
      | repetition_penalty | 0     |
      | repetition_penalty | -1    |

    Examples: ranges guessed in docs/api-notes.md §13 q9, q11 and §3.1 (reasoning_budget)
      | field                | value |
      | temperature          | -0.01 |
      | n                    | 0     |
      | n                    | -1    |
      | n                    | 129   |
      | max_tokens           | 0     |
      | max_tokens           | -5    |
      | min_tokens           | -1    |
      | seed                 | -1    |
      | reasoning_budget     | -2    |
      | timeout_microseconds | 0     |

  @VAL-05 @live-unverified
  Scenario Outline: top_logprobs outside 0..20 is refused
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to <value>
    When the request is sent
    Then the request is rejected with status 422 and code "out_of_range"
    And the error names the parameter "top_logprobs"

    Examples:
      | value |
      | -1    |
      | 21    |

  @VAL-06
  Scenario Outline: A number on the inside of each boundary is accepted
    Given the request sets "<field>" to <value>
    When the request is sent
    Then the request is accepted

    Examples:
      | field              | value  |
      | top_p              | 0.0001 |
      | top_p              | 1      |
      | frequency_penalty  | -2     |
      | frequency_penalty  | 2      |
      | presence_penalty   | -2     |
      | presence_penalty   | 2      |
      | min_p              | 0      |
      | min_p              | 1      |
      | xtc_threshold      | 0      |
      | xtc_threshold      | 1      |
      | xtc_probability    | 0      |
      | xtc_probability    | 1      |
      | top_k              | 0      |
      | top_k              | 1      |
      | repetition_penalty | 0.01   |
      | repetition_penalty | 1      |
      | temperature        | 0      |
      | temperature        | 2      |
      | n                  | 1      |
      | max_tokens         | 1      |
      | min_tokens         | 0      |
      | seed               | 0      |

  @VAL-06
  Scenario Outline: top_logprobs inside 0..20 is accepted
    Given the request sets "logprobs" to true
    And the request sets "top_logprobs" to <value>
    When the request is sent
    Then the request is accepted

    Examples:
      | value |
      | 0     |
      | 20    |

  @VAL-07 @friendli-specific
  Scenario Outline: An unknown top-level field is refused by name
    Given the request sets "<field>" to <value>
    When the request is sent
    Then the request is rejected with status 422
    And the error message contains "no such field: '<field>'"

    Examples: observed on the live service
      | field     | value                  |
      | reasoning | {"effort": "high"}     |
      | thinking  | {"type": "enabled"}    |

  @VAL-08 @live-unverified
  Scenario Outline: OpenAI-only fields are refused like any unknown field
    Given the request sets "<field>" to <value>
    When the request is sent
    Then the request is rejected with status 422 and code "unknown_field"
    And the error names the parameter "<field>"

    Examples:
      | field                 | value     |
      | user                  | "u-1"     |
      | max_completion_tokens | 8         |
      | store                 | false     |

  @VAL-09
  Scenario: A body that is not JSON is refused
    Given the raw request body:
      """
      {"model": "x", "messages": [
      """
    When the request is sent
    Then the request is rejected as invalid

  @VAL-09 @live-unverified @friendli-specific
  Scenario: Friendli refuses a body that is not JSON with 422 invalid JSON payload
    Given the raw request body:
      """
      {"model": "x", "messages": [
      """
    When the request is sent
    Then the request is rejected with status 422 and code "invalid_json"
    And the error message contains "invalid JSON payload"

  @VAL-09
  Scenario: A JSON body that is not an object is refused
    Given the raw request body:
      """
      ["model", "messages"]
      """
    When the request is sent
    Then the request is rejected as invalid

  @VAL-09 @live-unverified @friendli-specific
  Scenario: Friendli refuses a JSON body that is not an object with 422
    Given the raw request body:
      """
      ["model", "messages"]
      """
    When the request is sent
    Then the request is rejected with status 422

  @VAL-10 @live-unverified
  Scenario: An oversized body is refused with 413
    Given the request is padded to 12 MiB
    When the request is sent
    Then the request is rejected with status 413

  @VAL-11 @live-unverified
  Scenario: An unknown model is refused with 404
    Given a chat request for the model "no-such-org/no-such-model-9000"
    When the request is sent
    Then the request is rejected with status 404

  @VAL-12 @friendli-specific
  Scenario: reasoning_effort outside the enum is refused
    Given a chat request for the model "zai-org/GLM-5.2"
    And the request sets "reasoning_effort" to "none"
    When the request is sent
    Then the request is rejected with status 422
    And the error message contains "unknown enum value: 'none'"

  @VAL-13 @live-unverified
  Scenario Outline: A message must have a known role and the members its role requires
    Given the request sets "messages" to <messages>
    When the request is sent
    Then the request is rejected with status 422

    Examples:
      | messages                                                   |
      | []                                                         |
      | [{"role": "developer", "content": "hi"}]                   |
      | [{"role": "user"}]                                         |
      | [{"content": "hi"}]                                        |
      | [{"role": "system", "content": [{"type": "text", "text": "hi"}]}] |
      | [{"role": "user", "content": "hi"}, {"role": "tool", "content": "42"}] |

  @VAL-14 @live-unverified
  Scenario Outline: Function names follow ^[A-Za-z0-9_-]{1,64}$
    Given the request sets "tools" to [{"type": "function", "function": {"name": "<name>", "parameters": {"type": "object", "properties": {}}}}]
    When the request is sent
    Then the request is rejected with status 422 and code "invalid_value"
    And the error names the parameter "tools[0].function.name"

    Examples:
      | name                                                               |
      | get weather                                                        |
      | get.weather                                                        |
      |                                                                    |
      | a123456789b123456789c123456789d123456789e123456789f123456789g1234  |

  @VAL-14
  Scenario: A 64-character function name is accepted
    Given the request sets "tools" to [{"type": "function", "function": {"name": "a123456789b123456789c123456789d123456789e123456789f123456789g123", "parameters": {"type": "object", "properties": {}}}}]
    And the request sets "tool_choice" to "none"
    When the request is sent
    Then the request is accepted

  @VAL-15 @live-unverified
  Scenario Outline: A tool must be a function with parameters
    Given the request sets "tools" to <tools>
    When the request is sent
    Then the request is rejected with status 422

    Examples:
      | tools                                                                      |
      | [{"type": "function", "function": {"name": "f"}}]                           |
      | [{"type": "retrieval", "function": {"name": "f", "parameters": {"type": "object"}}}] |
      | [{"function": {"name": "f", "parameters": {"type": "object"}}}]             |

  @VAL-16 @live-unverified
  Scenario: stop must be a list, not a bare string
    Given the request sets "stop" to "END"
    When the request is sent
    Then the request is rejected with status 422 and code "invalid_type"
    And the error names the parameter "stop"

  @VAL-17 @live-unverified
  Scenario: The chat completions path only answers POST
    When GET "/chat/completions" is requested
    Then the request is rejected with status 405

  @VAL-17 @live-unverified
  Scenario: An unknown path answers 404 with the error envelope
    When POST "/chat/completion-nope" is requested
    Then the request is rejected with status 404
