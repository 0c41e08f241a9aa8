@tools
Feature: Tools and tool_choice
  Functions declared in "tools" may be called by the model; tool_choice says whether it may
  ("auto", the default), must not ("none"), must ("required") or must call one named function.
  A call carries an id, type "function", the function name and its arguments as a JSON string
  (docs/api-notes.md §6, §8, §9.5).

  Background:
    Given a chat request with:
      """json
      {
        "messages": [{"role": "user", "content": "What is the weather in Paris today?"}],
        "max_tokens": 200,
        "seed": 21,
        "tools": [
          {"type": "function", "function": {"name": "get_weather", "description": "Current weather in a city",
            "parameters": {"type": "object",
                           "properties": {"location": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                           "required": ["location"]}}},
          {"type": "function", "function": {"name": "get_time", "description": "Local time in a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}
        ]
      }
      """

  @TOOL-01
  Scenario: With tool_choice auto the model may call a declared tool
    Given the request sets "tool_choice" to "auto"
    When the request is sent
    Then every tool call is well formed for the declared tools
    And every choice finishes with one of "stop, length, tool_calls"

  @TOOL-02
  Scenario: With tool_choice none no tool is called
    Given the request sets "tool_choice" to "none"
    When the request is sent
    Then the answer calls no tool
    And every choice finishes with one of "stop, length"

  @TOOL-03
  Scenario: With tool_choice required at least one tool is called
    Given the request sets "tool_choice" to "required"
    When the request is sent
    Then the answer calls at least one tool
    And every tool call is well formed for the declared tools
    And every choice finishes with "tool_calls"

  @TOOL-04
  Scenario: A named tool_choice forces that function
    Given the request sets "tool_choice" to {"type": "function", "function": {"name": "get_time"}}
    When the request is sent
    Then the answer calls the tool "get_time"
    And every tool call is well formed for the declared tools
    And every choice finishes with "tool_calls"

  @TOOL-05
  Scenario: Streamed tool-call fragments reassemble into a valid call
    Given the request sets "tool_choice" to {"type": "function", "function": {"name": "get_weather"}}
    And the request is streamed
    When the request is sent
    Then every chunk conforms to the "chat.completion.chunk" schema
    And the first fragment of every streamed tool call carries its id, type and name
    And the answer calls the tool "get_weather"
    And every tool call is well formed for the declared tools
    And every choice finishes exactly once, in its last chunk
    And every choice finishes with "tool_calls"

  @TOOL-06 @costly
  Scenario: A streamed tool call equals the plain one for the same seeded request
    Given the request sets "tool_choice" to "required"
    When the request is sent plainly and streamed
    Then the streamed answer equals the plain answer

  @TOOL-07 @mock-control
  Scenario: A scripted tool call comes back with exactly the scripted arguments
    Given the mock follows the scenario:
      """json
      {"match": {"contains": "Paris"}, "reply": {"toolCalls": [{"name": "get_weather", "arguments": {"location": "Paris", "unit": "celsius"}}]}}
      """
    When the request is sent
    Then the answer calls the tool "get_weather"
    And the answer field "choices[0].message.tool_calls[0].function.arguments" matches "\{\s*\"location\"\s*:\s*\"Paris\"\s*,\s*\"unit\"\s*:\s*\"celsius\"\s*\}"
    And every choice finishes with "tool_calls"

  @TOOL-01
  Scenario: Arguments follow a parameters schema with nested objects, arrays, enums and bounds
    Given the request sets "messages" to [{"role": "user", "content": "Book a table for dinner in Paris."}]
    And the request sets "tools" to:
      """json
      [{"type": "function", "function": {"name": "book_table", "description": "Book a restaurant table",
        "parameters": {"type": "object",
          "properties": {
            "restaurant": {"type": "object",
                           "properties": {"name": {"type": "string"}, "city": {"type": "string"}},
                           "required": ["name", "city"]},
            "guests": {"type": "integer", "minimum": 1, "maximum": 12},
            "seating": {"type": "string", "enum": ["indoor", "outdoor", "bar"]},
            "dishes": {"type": "array", "items": {"type": "object",
                       "properties": {"dish": {"type": "string"}, "course": {"enum": ["starter", "main", "dessert"]}},
                       "required": ["dish", "course"]}}},
          "required": ["restaurant", "guests", "seating", "dishes"]}}}]
      """
    And the request sets "tool_choice" to {"type": "function", "function": {"name": "book_table"}}
    When the request is sent
    Then the answer calls the tool "book_table"
    And every tool call is well formed for the declared tools

  @TOOL-08 @live-unverified
  Scenario: After a tool result the conversation continues with a text answer
    Given the request sets "messages" to:
      """json
      [{"role": "user", "content": "What is the weather in Paris today?"},
       {"role": "assistant", "content": null,
        "tool_calls": [{"id": "call_weather01", "type": "function",
                        "function": {"name": "get_weather", "arguments": "{\"location\": \"Paris\"}"}}]},
       {"role": "tool", "tool_call_id": "call_weather01", "content": "18 C, sunny"}]
      """
    When the request is sent
    Then the answer calls no tool
    And every choice has a non-empty "message.content"
    And every choice finishes with "stop"

  @TOOL-09
  Scenario: With parallel_tool_calls false a choice makes at most one call
    Given the request sets "messages" to [{"role": "user", "content": "What are the weather and the local time in Paris?"}]
    And the request sets "tool_choice" to "required"
    And the request sets "parallel_tool_calls" to false
    When the request is sent
    Then the answer calls at least one tool
    And every choice calls at most 1 tool

  @TOOL-10 @live-unverified
  Scenario: A named tool_choice produces exactly one call, to that function
    Given the request sets "messages" to [{"role": "user", "content": "What are the weather and the local time in Paris?"}]
    And the request sets "tool_choice" to {"type": "function", "function": {"name": "get_weather"}}
    When the request is sent
    Then every choice calls the tool "get_weather" exactly once
    And every tool call is well formed for the declared tools

  @TOOL-11 @live-unverified
  Scenario: More than 128 tools are refused
    Given the request declares 129 tools
    When the request is sent
    Then the request is rejected with status 422
    And the error names the parameter "tools"

  @TOOL-11 @costly
  Scenario: 128 tools are accepted
    Given the request declares 128 tools
    And the request sets "max_tokens" to 8
    When the request is sent
    Then the request is accepted

  @TOOL-12 @friendli-specific
  Scenario: A tool-call id is call_ followed by 24 letters and digits
    Given the request sets "tool_choice" to {"type": "function", "function": {"name": "get_weather"}}
    When the request is sent
    Then every tool call id matches "call_[A-Za-z0-9]{24}"

  @TOOL-12 @friendli-specific
  Scenario: A streamed tool call's first fragment carries an id of the same shape
    Given the request sets "tool_choice" to {"type": "function", "function": {"name": "get_weather"}}
    And the request is streamed
    When the request is sent
    Then every tool call id matches "call_[A-Za-z0-9]{24}"
