@mock-control
Feature: Scripted answers: the mock answers what a test tells it to, when the request matches
  A test steers the mock per request: it names what the mock answers with (text, a tool call, a sequence, an
  error, a broken stream, reported usage) and when (matchers on the request, all of which must hold). These
  scenarios need the mock's admin API and are skipped elsewhere with that reason.

  Background:
    Given a chat request with:
      """json
      {"messages": [{"role": "user", "content": "What is the weather in Paris?"}],
       "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Current weather of a city",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]}
      """

  @SCN-01
  Scenario: The next request is answered with a scripted tool call
    Given the mock answers the next request with a tool call to "get_weather" with arguments {"city": "Paris"}
    When the request is sent
    Then the answer calls the tool "get_weather"
    And the answer field "choices[0].message.tool_calls[0].function.arguments" is "{\"city\":\"Paris\"}"
    And every choice finishes with "tool_calls"

  @SCN-02
  Scenario: A sequence answers with a tool call first, then with text after the tool result
    Given the mock answers with a tool call to "get_weather" first, then with the text "It is 18 degrees and sunny in Paris."
    When the request is sent
    Then the answer calls the tool "get_weather"
    When the tool result "{\"temperature\": 18, \"sky\": \"sunny\"}" is sent back
    Then the content of every choice is "It is 18 degrees and sunny in Paris."
    And the answer calls no tool
    And every choice finishes with "stop"

  @SCN-03
  Scenario: A fixture file drives a two-turn tool conversation
    Given the mock follows the fixture file "scenarios/weather-tool-conversation/1-call-get-weather.json"
    And the mock follows the fixture file "scenarios/weather-tool-conversation/2-answer-from-tool-result.json"
    When the request is sent
    Then the answer calls the tool "get_weather"
    When the tool result "{\"temperature\": 18}" is sent back
    Then the content of every choice is "It is 18 degrees and sunny in Paris."
    And every choice finishes with "stop"

  @SCN-04
  Scenario: All matchers of a scenario must hold
    Given the mock answers with the text "matched" when the last user message matches "(?i)\bweather\b" and the request declares tools and the conversation holds no tool result and the conversation has 1 user message
    And the mock answers with the text "never" when the last user message contains "weather" and the request declares no tools
    When the request is sent
    Then the content of every choice is "matched"

  @SCN-05
  Scenario: A header, the model and a JSON Pointer into the body can be matched
    Given the request header "X-Test-Run" is "run-42"
    And the request sets "temperature" to 0
    And the mock answers with the text "for run 42" when the header "X-Test-Run" matches "^run-[0-9]+$" and the model matches "." and the body at "/temperature" is 0 and the body lacks "/seed"
    When the request is sent
    Then the content of every choice is "for run 42"

  @SCN-06
  Scenario: A scenario for other requests leaves this one to the generator
    Given the mock answers with the text "SCRIPTED-FOR-PIRATES" when a system message contains "pirate"
    And the mock answers with the text "SCRIPTED-FOR-STREAMS" when the request is streamed
    When the request is sent
    Then no choice's content contains "SCRIPTED-FOR"

  @SCN-07
  Scenario: Of several matching scenarios the one of highest priority answers
    Given the mock answers with the text "ordinary" when the request declares tools
    And the mock answers with the text "urgent" at priority 5 when the last user message contains "weather"
    When the request is sent
    Then the content of every choice is "urgent"

  @SCN-08
  Scenario: A scripted answer streams like a generated one
    Given the mock answers with the text "Sunny all day." when the request is streamed and the route is serverless
    And the request is streamed with usage
    When the request is sent
    Then the content of every choice is "Sunny all day."
    And the stream ends with [DONE] and nothing follows it

  @SCN-09
  Scenario: A scenario can answer with an error
    Given the mock answers the next request with the error 503 "the engine is warming up"
    When the request is sent
    Then the request is rejected with status 503

  @SCN-10
  Scenario: A scenario can break its own stream
    Given the mock answers with the text "one two three four" and breaks the stream after 2 chunks
    And the request is streamed
    When the request is sent
    Then an event carries an error object
    And the stream ends without [DONE]

  @SCN-11
  Scenario: A scenario can report the usage it wants
    Given the mock answers with the text "Hi." reporting 50 prompt and 3 completion tokens
    When the request is sent
    Then the answer field "usage.total_tokens" is 53
    And the answer field "usage.prompt_tokens" is 50

  @SCN-12
  Scenario Outline: A bad scenario is refused with a 400 naming the member
    Then the mock refuses the scenario <scenario> naming "<member>"

    Examples:
      | scenario                                                                         | member                        |
      | {"match": {"lastUserMessage": {"regex": "(unclosed"}}, "reply": {"content": "x"}} | match.lastUserMessage.regex   |
      | {"match": {"mood": "sunny"}, "reply": {"content": "x"}}                           | match.mood                    |
      | {"reply": {"content": "x", "faults": [{"type": "explode"}]}}                      | reply.faults[0].type          |
      | {"reply": {"error": {"status": 200}}}                                             | reply.error.status            |
      | {"sequence": [{"content": "a"}, {"toolCalls": [{"name": ""}]}]}                   | sequence[1].toolCalls[0].name |

  @SCN-13
  Scenario: A fixture file written while the mock runs is picked up without a restart
    Given the mock watches a fixture directory on this machine
    And a chat request with:
      """json
      {"messages": [{"role": "user", "content": "Is the hot reload probe answered from the new file?"}]}
      """
    When a fixture file "kit-hot-reload.json" is written answering "Answered from a file written a moment ago." when the last user message contains "hot reload probe"
    Then within 10 seconds the content of the answer is "Answered from a file written a moment ago."

  @SCN-14
  Scenario: A scenario scripts the log-probabilities of its tokens, the last one repeating
    Given the mock answers with the text "Yes, it is." whose tokens have the log-probabilities [-0.25, -1.5]
    And the request sets "logprobs" to true
    And the request sets "top_logprobs" to 2
    When the request is sent
    Then the answer field "choices[0].logprobs.content[0].logprob" is -0.25
    And the answer field "choices[0].logprobs.content[1].logprob" is -1.5
    And the answer field "choices[0].logprobs.content[2].logprob" is -1.5
    And every choice carries log-probabilities with 2 alternatives per token

  @SCN-15
  Scenario: A scenario brings its own timing, with the mock's own delays off
    Given the mock answers with the text "one two three four" after a first-token delay of 300 ms and 50 ms between tokens
    And the request is streamed
    When the request is sent
    Then the first event arrives after at least 300 ms
    And the answer took at least 450 ms to arrive
