package io.friendlikit.mock.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.body;
import static io.friendlikit.mock.validation.Fixture.lenient;
import static io.friendlikit.mock.validation.Fixture.openAiTolerant;
import static io.friendlikit.mock.validation.Fixture.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec §7 (response_format) and §4.1 rule 12 (regex restrictions). */
class ResponseFormatRulesTest {

    private static String rf(String json) {
        return body("\"response_format\":" + json);
    }

    /** The regex as a JSON string literal. */
    private static String regex(String pattern) {
        return rf("{\"type\":\"regex\",\"schema\":" + Fixture.MAPPER.valueToTree(pattern) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"text\"}", "{\"type\":\"json_object\"}",
            "{\"type\":\"json_object\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}",
            "{\"type\":\"json_object\",\"schema\":null}",
            "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"object\"}}}",
            "{\"type\":\"regex\",\"schema\":\"[a-z]+@[a-z]+\\\\.com\"}"})
    void validFormats(String format) {
        assertValid(rf(format));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|response_format.type|response_format.type is required|missing_field|RF-TYPE",
            "{\"type\":1}|response_format.type|response_format.type must be a string, got number|invalid_type|RF-TYPE",
            "{\"type\":\"xml\"}|response_format.type|response_format.type must be one of text, json_object, "
                    + "json_schema, regex, got 'xml'|unknown_enum|RF-TYPE",
            "{\"type\":\"json_schema\"}|response_format.json_schema|response_format.json_schema is required|"
                    + "missing_field|RF-SCHEMA",
            "{\"type\":\"json_schema\",\"json_schema\":{}}|response_format.json_schema.schema|"
                    + "response_format.json_schema.schema is required|missing_field|RF-SCHEMA",
            "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":\"{}\"}}|response_format.json_schema.schema|"
                    + "response_format.json_schema.schema must be an object, got string|invalid_type|RF-SCHEMA",
            "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{},\"name\":\"x\"}}|"
                    + "response_format.json_schema.name|no such field: 'name'|unknown_field|VAL-UNKNOWN-FIELD",
            "{\"type\":\"json_object\",\"schema\":{}}|response_format.schema|"
                    + "response_format.schema must be a string, got object|invalid_type|RF-SCHEMA",
            "{\"type\":\"text\",\"schema\":\"x\"}|response_format.schema|no such field: 'schema'|unknown_field|"
                    + "VAL-UNKNOWN-FIELD",
            "{\"type\":\"regex\"}|response_format.schema|response_format.schema is required|missing_field|RF-REGEX",
            "{\"type\":\"regex\",\"schema\":5}|response_format.schema|response_format.schema must be a string, "
                    + "got number|invalid_type|RF-REGEX"})
    void invalidFormats(String format, String param, String message, String code, String rule) {
        assertOnly(rf(format), param, message, code, rule);
    }

    @Test
    void openAiJsonSchemaMembersAreToleratedWhenConfigured() {
        String json = rf("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"dish\",\"description\":null,"
                + "\"strict\":true,\"schema\":{\"type\":\"object\"}}}");
        assertValid(json, openAiTolerant());
        assertValid(json, lenient());
        assertThat(validate(json)).extracting(Violation::message)
                .containsExactly("no such field: 'name'", "no such field: 'description'", "no such field: 'strict'");
        assertOnly(rf("{\"type\":\"json_schema\",\"json_schema\":{\"name\":5,\"schema\":{}}}"), openAiTolerant(),
                "response_format.json_schema.name", "response_format.json_schema.name must be a string, got number",
                "invalid_type", "RF-SCHEMA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\^x", "[^a]+", "[a^]", "[$]", "\\$[0-9]+", "a\\\\b", "\\Q^$\\E", "(?<year>[0-9]{4})",
            "(?:ab)+", "[\\^x]", "\\d{3}-\\d{4}", "[]a]", "[^]a]"})
    void regexesWithoutExcludedConstructsPass(String pattern) {
        assertValid(regex(pattern));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "^abc|the anchor '^' (at index 0)",
            "abc$|the anchor '$' (at index 3)",
            "\\Aabc|the anchor '\\A' (at index 0)",
            "abc\\z|the anchor '\\z' (at index 3)",
            "abc\\Z|the anchor '\\Z' (at index 3)",
            "\\bword|the anchor '\\b' (at index 0)",
            "a(?=b)|look-around '(?=' (at index 1)",
            "a(?!b)|look-around '(?!' (at index 1)",
            "(?<=a)b|look-around '(?<=' (at index 0)",
            "(?<!a)b|look-around '(?<!' (at index 0)",
            "\\p{L}+|the unsupported escape '\\p' (at index 0)",
            "[\\P{L}]|the unsupported escape '\\P' (at index 1)",
            "\\N{LATIN SMALL LETTER A}|the unsupported escape '\\N' (at index 0)",
            "(a)\\1|the back-reference '\\1' (at index 3)",
            "(?<x>a)\\k<x>|the back-reference '\\k' (at index 7)"})
    void excludedRegexConstructs(String pattern, String what) {
        assertOnly(regex(pattern), "response_format.schema", "response_format.schema must not use " + what,
                "invalid_value", "RF-REGEX");
    }

    @Test
    void eachDistinctConstructIsReportedOnce() {
        assertThat(validate(regex("^a^b$c$"))).extracting(Violation::message).containsExactly(
                "response_format.schema must not use the anchor '^' (at index 0)",
                "response_format.schema must not use the anchor '$' (at index 4)");
    }

    @Test
    void aRegexThatDoesNotCompileIsRejected() {
        assertOnly(regex("a(b"), "response_format.schema",
                "response_format.schema is not a valid regular expression: Unclosed group near index 3",
                "invalid_value", "RF-REGEX");
    }
}
