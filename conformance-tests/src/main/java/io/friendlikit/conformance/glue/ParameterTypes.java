package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.DocStringType;
import io.cucumber.java.ParameterType;
import io.friendlikit.conformance.json.Json;

/** Parameter and doc-string types that keep the Gherkin short. */
public final class ParameterTypes {

    /** Any JSON value written inline at the end of a step: 0.5, "END", null, {"type":"json_object"}. */
    @ParameterType(name = "json", value = ".+")
    public JsonNode json(String text) {
        return Json.parse(text);
    }

    /** The conditions of a mock scenario: phrases joined by "and" (see {@link ScenarioPhrases}). */
    @ParameterType(name = "conditions", value = ".+")
    public com.fasterxml.jackson.databind.node.ObjectNode conditions(String text) {
        return ScenarioPhrases.match(text);
    }

    /** Whole numbers in order: "200, 200 and 429", "1, 0, 0". */
    @ParameterType(name = "numbers", value = "\\d+(?:(?:, | and )\\d+)*")
    public java.util.List<Long> numbers(String text) {
        return java.util.Arrays.stream(text.split(", | and ")).map(Long::parseLong).toList();
    }

    @DocStringType(contentType = "json")
    public JsonNode jsonDocString(String text) {
        return Json.parse(text);
    }
}
