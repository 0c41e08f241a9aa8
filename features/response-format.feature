@response-format
Feature: response_format
  Constrained output: "json_object" gives any JSON object, "json_schema" output valid against the
  given schema, "regex" output matching the expression (docs/api-notes.md §7).

  Background:
    Given a chat request with:
      """json
      {"max_tokens": 200, "seed": 13,
       "messages": [{"role": "system", "content": "Answer only in the requested format."},
                    {"role": "user", "content": "Suggest a dish for dinner with its cooking time in minutes."}]}
      """

  @FMT-01
  Scenario: json_object gives a JSON object
    Given the request sets "response_format" to {"type": "json_object"}
    When the request is sent
    Then the content of every choice is a JSON object

  @FMT-02 @costly
  Scenario Outline: json_schema gives output valid against the schema
    Given the request sets "response_format" to {"type": "json_schema", "json_schema": {"schema": <schema>}}
    When the request is sent
    Then the content of every choice is valid against the requested JSON schema

    Examples:
      | schema                                                                                                                                 |
      | {"type": "object", "properties": {"dish": {"type": "string"}}, "required": ["dish"]}                                                   |
      | {"type": "object", "properties": {"dish": {"type": "string"}, "minutes": {"type": "integer", "minimum": 1, "maximum": 600}}, "required": ["dish", "minutes"]} |
      | {"type": "object", "properties": {"course": {"enum": ["starter", "main", "dessert"]}, "vegetarian": {"type": "boolean"}}, "required": ["course", "vegetarian"]} |

  @FMT-02
  Scenario: A streamed json_schema answer reassembles into valid output
    Given the request sets "response_format" to {"type": "json_schema", "json_schema": {"schema": {"type": "object", "properties": {"dish": {"type": "string"}}, "required": ["dish"]}}}
    And the request is streamed
    When the request is sent
    Then the content of every choice is valid against the requested JSON schema

  @FMT-03 @costly @friendli-specific
  Scenario Outline: regex gives output matching the expression
    Given the request sets "response_format" to {"type": "regex", "schema": "<regex>"}
    When the request is sent
    Then the content of every choice matches the requested regex

    Examples:
      | regex                       |
      | (yes\|no)                   |
      | [0-9]{1,3} minutes          |
      | [A-Z][a-z]+ (soup\|salad)   |

  @FMT-04
  Scenario: response_format type text leaves output unconstrained
    Given the request sets "response_format" to {"type": "text"}
    When the request is sent
    Then the request is accepted

  @FMT-02
  Scenario: json_schema with $defs and $ref, anyOf, enum and const gives valid output
    Given the request sets "response_format" to:
      """json
      {"type": "json_schema", "json_schema": {"schema": {
        "type": "object",
        "properties": {
          "main": {"$ref": "#/$defs/dish"},
          "side": {"anyOf": [{"$ref": "#/$defs/dish"}, {"type": "null"}]},
          "course": {"enum": ["starter", "main", "dessert", null]},
          "unit": {"const": "minutes"}},
        "required": ["main", "side", "course", "unit"],
        "$defs": {"dish": {"type": "object",
                           "properties": {"name": {"type": "string"}, "vegetarian": {"type": "boolean"}},
                           "required": ["name", "vegetarian"]}}}}}
      """
    When the request is sent
    Then the content of every choice is valid against the requested JSON schema

  @FMT-02
  Scenario: json_schema with integer bounds, string formats and a pattern gives valid output
    Given the request sets "response_format" to:
      """json
      {"type": "json_schema", "json_schema": {"schema": {
        "type": "object",
        "properties": {
          "order_id": {"type": "string", "format": "uuid"},
          "placed_at": {"type": "string", "format": "date-time"},
          "day": {"type": "string", "format": "date"},
          "ready_at": {"type": "string", "format": "time"},
          "table": {"type": "string", "pattern": "[A-F][0-9]{2}"},
          "guests": {"type": "integer", "minimum": 1, "maximum": 12},
          "minutes": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 600}},
        "required": ["order_id", "placed_at", "day", "ready_at", "table", "guests", "minutes"]}}}
      """
    When the request is sent
    Then the content of every choice is valid against the requested JSON schema

  @FMT-05
  Scenario: A json_schema answer cut by max_tokens ends with "length"
    Given the request sets "response_format" to {"type": "json_schema", "json_schema": {"schema": {"type": "object", "properties": {"recipe": {"type": "string"}, "steps": {"type": "array", "items": {"type": "string"}, "minItems": 1}}, "required": ["recipe", "steps"]}}}
    And the request sets "max_tokens" to 3
    When the request is sent
    Then every choice finishes with "length"

  @FMT-05 @friendli-specific
  Scenario: A regex answer cut by max_tokens ends with "length"
    Given the request sets "response_format" to {"type": "regex", "schema": "[a-z]+( [a-z]+){30}"}
    And the request sets "max_tokens" to 3
    When the request is sent
    Then every choice finishes with "length"

  @FMT-03 @friendli-specific
  Scenario: A streamed regex answer matches the expression in full
    Given the request sets "response_format" to {"type": "regex", "schema": "[A-Z][a-z]+ (soup|salad), [0-9]{1,3} minutes"}
    And the request is streamed
    When the request is sent
    Then the content of every choice matches the requested regex

  @FMT-06 @live-unverified
  Scenario: A json_schema response format without its schema is refused
    Given the request sets "response_format" to {"type": "json_schema", "json_schema": {"name": "no_schema"}}
    When the request is sent
    Then the request is rejected as invalid
    And the error names the parameter "response_format"
