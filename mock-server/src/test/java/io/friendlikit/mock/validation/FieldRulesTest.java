package io.friendlikit.mock.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The top-level field table (docs/api-notes.md §3.1): type, null and range of every field, both sides of each boundary. */
class FieldRulesTest {

    /** Code and rule of a violation kind. */
    enum Kind {
        RANGE(Violation.Codes.OUT_OF_RANGE, RuleId.VAL_RANGE.id()),
        TYPE(Violation.Codes.INVALID_TYPE, RuleId.VAL_TYPE.id()),
        NULL(Violation.Codes.NULL_NOT_ALLOWED, RuleId.VAL_NULL.id()),
        ENUM(Violation.Codes.UNKNOWN_ENUM, RuleId.VAL_ENUM.id()),
        UNKNOWN(Violation.Codes.UNKNOWN_FIELD, RuleId.VAL_UNKNOWN_FIELD.id()),
        VALUE_RANGE(Violation.Codes.INVALID_VALUE, RuleId.VAL_RANGE.id()),
        LOGIT_KEY(Violation.Codes.INVALID_VALUE, RuleId.VAL_LOGIT_BIAS.id()),
        CHOICE(Violation.Codes.UNKNOWN_ENUM, RuleId.TOOLCHOICE_FORMAT.id());

        final String code;
        final String rule;

        Kind(String code, String rule) {
            this.code = code;
            this.rule = rule;
        }
    }

    /** Companion members a field needs so that no cross-field rule fires. */
    private static String companion(String field) {
        return switch (field) {
            case "top_logprobs" -> "\"logprobs\": true,";
            case "stream_options" -> "\"stream\": true,";
            default -> "";
        };
    }

    private static Arguments ok(String field, String value) {
        return Arguments.of(field, value, null, null, null);
    }

    private static Arguments bad(String field, String value, String param, String message, Kind kind) {
        return Arguments.of(field, value, param, message, kind);
    }

    static Stream<Arguments> numberRanges() {
        return Stream.of(
                ok("top_p", "1e-9"), ok("top_p", "0.5"), ok("top_p", "1"), ok("top_p", "1.0"),
                bad("top_p", "0", "top_p", "top_p must be in (0, 1], got 0", Kind.RANGE),
                bad("top_p", "0.0", "top_p", "top_p must be in (0, 1], got 0.0", Kind.RANGE),
                bad("top_p", "1.0000001", "top_p", "top_p must be in (0, 1], got 1.0000001", Kind.RANGE),
                bad("top_p", "-0.5", "top_p", "top_p must be in (0, 1], got -0.5", Kind.RANGE),
                ok("frequency_penalty", "-2"), ok("frequency_penalty", "2"), ok("frequency_penalty", "0"),
                bad("frequency_penalty", "-2.0000001", "frequency_penalty",
                        "frequency_penalty must be in [-2, 2], got -2.0000001", Kind.RANGE),
                bad("frequency_penalty", "2.0000001", "frequency_penalty",
                        "frequency_penalty must be in [-2, 2], got 2.0000001", Kind.RANGE),
                ok("presence_penalty", "-2.0"), ok("presence_penalty", "2.0"),
                bad("presence_penalty", "-3", "presence_penalty", "presence_penalty must be in [-2, 2], got -3",
                        Kind.RANGE),
                bad("presence_penalty", "2.5", "presence_penalty", "presence_penalty must be in [-2, 2], got 2.5",
                        Kind.RANGE),
                ok("min_p", "0"), ok("min_p", "1"),
                bad("min_p", "-1e-9", "min_p", "min_p must be in [0, 1], got -1.0E-9", Kind.RANGE),
                bad("min_p", "1.0000001", "min_p", "min_p must be in [0, 1], got 1.0000001", Kind.RANGE),
                ok("xtc_threshold", "0"), ok("xtc_threshold", "1"),
                bad("xtc_threshold", "-0.01", "xtc_threshold", "xtc_threshold must be in [0, 1], got -0.01",
                        Kind.RANGE),
                bad("xtc_threshold", "1.01", "xtc_threshold", "xtc_threshold must be in [0, 1], got 1.01",
                        Kind.RANGE),
                ok("xtc_probability", "0.0"), ok("xtc_probability", "1.0"),
                bad("xtc_probability", "-0.01", "xtc_probability",
                        "xtc_probability must be in [0, 1], got -0.01", Kind.RANGE),
                bad("xtc_probability", "1.5", "xtc_probability", "xtc_probability must be in [0, 1], got 1.5",
                        Kind.RANGE),
                ok("repetition_penalty", "1e-9"), ok("repetition_penalty", "1"), ok("repetition_penalty", "2.5"),
                bad("repetition_penalty", "0", "repetition_penalty", "repetition_penalty must be > 0, got 0",
                        Kind.RANGE),
                bad("repetition_penalty", "-1", "repetition_penalty", "repetition_penalty must be > 0, got -1",
                        Kind.RANGE),
                ok("temperature", "0"), ok("temperature", "1e-9"), ok("temperature", "2"), ok("temperature", "100"),
                bad("temperature", "-1e-9", "temperature", "temperature must be >= 0, got -1.0E-9", Kind.RANGE),
                bad("temperature", "\"hot\"", "temperature", "temperature must be a number, got string", Kind.TYPE),
                bad("temperature", "1e400", "temperature", "temperature must be a number, got Infinity", Kind.TYPE));
    }

    static Stream<Arguments> integerRanges() {
        return Stream.of(
                ok("top_k", "0"), ok("top_k", "50"), ok("top_k", "2.0"),
                bad("top_k", "-1", "top_k", "top_k must be >= 0, got -1", Kind.RANGE),
                bad("top_k", "1.5", "top_k", "top_k must be an integer, got 1.5", Kind.TYPE),
                ok("n", "1"), ok("n", "128"),
                bad("n", "0", "n", "n must be in [1, 128], got 0", Kind.RANGE),
                bad("n", "-1", "n", "n must be in [1, 128], got -1", Kind.RANGE),
                bad("n", "129", "n", "n must be in [1, 128], got 129", Kind.RANGE),
                ok("max_tokens", "1"), ok("max_tokens", "9223372036854775807"),
                bad("max_tokens", "0", "max_tokens", "max_tokens must be >= 1, got 0", Kind.RANGE),
                bad("max_tokens", "9223372036854775808", "max_tokens",
                        "max_tokens must be a 64-bit integer, got 9223372036854775808", Kind.RANGE),
                bad("max_tokens", "1e19", "max_tokens", "max_tokens must be a 64-bit integer, got 1.0E19",
                        Kind.RANGE),
                bad("max_tokens", "\"100\"", "max_tokens", "max_tokens must be an integer, got string", Kind.TYPE),
                ok("min_tokens", "0"), ok("min_tokens", "10"),
                bad("min_tokens", "-1", "min_tokens", "min_tokens must be >= 0, got -1", Kind.RANGE),
                ok("top_logprobs", "0"), ok("top_logprobs", "20"),
                bad("top_logprobs", "-1", "top_logprobs", "top_logprobs must be in [0, 20], got -1", Kind.RANGE),
                bad("top_logprobs", "21", "top_logprobs", "top_logprobs must be in [0, 20], got 21", Kind.RANGE),
                ok("reasoning_budget", "-1"), ok("reasoning_budget", "0"), ok("reasoning_budget", "1048576"),
                bad("reasoning_budget", "-2", "reasoning_budget", "reasoning_budget must be >= -1, got -2",
                        Kind.RANGE),
                ok("timeout_microseconds", "1"), ok("timeout_microseconds", "30000000"),
                bad("timeout_microseconds", "0", "timeout_microseconds", "timeout_microseconds must be >= 1, got 0",
                        Kind.RANGE),
                bad("timeout_microseconds", "0.5", "timeout_microseconds",
                        "timeout_microseconds must be an integer, got 0.5", Kind.TYPE));
    }

    static Stream<Arguments> listsAndMaps() {
        return Stream.of(
                ok("seed", "0"), ok("seed", "42"), ok("seed", "[7]"), ok("seed", "3.0"),
                bad("seed", "-1", "seed", "seed must be >= 0, got -1", Kind.RANGE),
                bad("seed", "[]", "seed", "seed must contain at least one seed when it is an array",
                        Kind.VALUE_RANGE),
                bad("seed", "[-1]", "seed[0]", "seed[0] must be >= 0, got -1", Kind.RANGE),
                bad("seed", "[1.5]", "seed[0]", "seed[0] must be an integer, got 1.5", Kind.TYPE),
                bad("seed", "\"5\"", "seed", "seed must be an integer or an array of integers, got string", Kind.TYPE),
                bad("seed", "1.5", "seed", "seed must be an integer or an array of integers, got 1.5", Kind.TYPE),
                ok("eos_token", "[]"), ok("eos_token", "[0, 128001]"),
                bad("eos_token", "[-1]", "eos_token[0]", "eos_token[0] must be >= 0, got -1", Kind.RANGE),
                bad("eos_token", "[2, \"a\"]", "eos_token[1]", "eos_token[1] must be an integer, got string",
                        Kind.TYPE),
                bad("eos_token", "[null]", "eos_token[0]", "eos_token[0] must not be null", Kind.NULL),
                bad("eos_token", "5", "eos_token", "eos_token must be an array, got number", Kind.TYPE),
                ok("logit_bias", "{}"), ok("logit_bias", "{\"123\": -100, \"0\": 100, \"2147483647\": 0.5}"),
                bad("logit_bias", "{\"123\": 100.5}", "logit_bias.123",
                        "logit_bias.123 must be in [-100, 100], got 100.5", Kind.RANGE),
                bad("logit_bias", "{\"123\": -101}", "logit_bias.123",
                        "logit_bias.123 must be in [-100, 100], got -101", Kind.RANGE),
                bad("logit_bias", "{\"abc\": 1}", "logit_bias.abc",
                        "logit_bias keys must be token ids (integers from 0 to 2147483647), got 'abc'",
                        Kind.LOGIT_KEY),
                bad("logit_bias", "{\"2147483648\": 1}", "logit_bias.2147483648",
                        "logit_bias keys must be token ids (integers from 0 to 2147483647), got '2147483648'",
                        Kind.LOGIT_KEY),
                bad("logit_bias", "{\"-5\": 1}", "logit_bias.-5",
                        "logit_bias keys must be token ids (integers from 0 to 2147483647), got '-5'",
                        Kind.LOGIT_KEY),
                bad("logit_bias", "{\"1\": \"x\"}", "logit_bias.1", "logit_bias.1 must be a number, got string",
                        Kind.TYPE),
                bad("logit_bias", "[]", "logit_bias", "logit_bias must be an object, got array", Kind.TYPE),
                ok("stop", "[]"), ok("stop", "[\"a\", \"\\n\\n\"]"),
                bad("stop", "\"END\"", "stop", "stop must be an array of strings, got string", Kind.TYPE),
                bad("stop", "[\"a\", 1]", "stop[1]", "stop[1] must be a string, got number", Kind.TYPE),
                ok("chat_template_kwargs", "{\"enable_thinking\": false}"), ok("chat_template_kwargs", "{}"),
                bad("chat_template_kwargs", "\"x\"", "chat_template_kwargs",
                        "chat_template_kwargs must be an object, got string", Kind.TYPE),
                ok("stream_options", "{}"), ok("stream_options", "{\"include_usage\": true}"),
                ok("stream_options", "{\"include_usage\": null}"),
                bad("stream_options", "{\"include_usage\": \"yes\"}", "stream_options.include_usage",
                        "stream_options.include_usage must be a boolean, got string", Kind.TYPE),
                bad("stream_options", "{\"foo\": 1}", "stream_options.foo", "no such field: 'foo'", Kind.UNKNOWN),
                bad("stream_options", "true", "stream_options", "stream_options must be an object, got boolean",
                        Kind.TYPE));
    }

    static Stream<Arguments> scalars() {
        return Stream.of(
                ok("model", "\"zai-org/GLM-5.2\""),
                bad("model", "null", "model", "model must not be null", Kind.NULL),
                bad("model", "5", "model", "model must be a string, got number", Kind.TYPE),
                ok("logprobs", "true"), ok("logprobs", "false"),
                bad("logprobs", "\"true\"", "logprobs", "logprobs must be a boolean, got string", Kind.TYPE),
                bad("logprobs", "1", "logprobs", "logprobs must be a boolean, got number", Kind.TYPE),
                ok("parallel_tool_calls", "false"),
                bad("parallel_tool_calls", "\"false\"", "parallel_tool_calls",
                        "parallel_tool_calls must be a boolean, got string", Kind.TYPE),
                ok("stream", "true"), ok("stream", "false"),
                bad("stream", "\"true\"", "stream", "stream must be a boolean, got string", Kind.TYPE),
                ok("parse_reasoning", "true"),
                bad("parse_reasoning", "0", "parse_reasoning", "parse_reasoning must be a boolean, got number", Kind.TYPE),
                ok("include_reasoning", "false"),
                bad("include_reasoning", "[]", "include_reasoning", "include_reasoning must be a boolean, got array",
                        Kind.TYPE),
                ok("reasoning_effort", "\"minimal\""), ok("reasoning_effort", "\"ultracode\""),
                bad("reasoning_effort", "\"none\"", "reasoning_effort",
                        "invalid JSON payload: unknown enum value: 'none'", Kind.ENUM),
                bad("reasoning_effort", "\"HIGH\"", "reasoning_effort",
                        "invalid JSON payload: unknown enum value: 'HIGH'", Kind.ENUM),
                bad("reasoning_effort", "3", "reasoning_effort", "reasoning_effort must be a string, got number", Kind.TYPE),
                ok("tool_choice", "\"none\""), ok("tool_choice", "\"auto\""),
                bad("tool_choice", "null", "tool_choice", "tool_choice must not be null", Kind.NULL),
                bad("tool_choice", "\"sometimes\"", "tool_choice",
                        "tool_choice must be one of none, auto, required or an object naming a function, "
                                + "got 'sometimes'", Kind.CHOICE),
                bad("tool_choice", "5", "tool_choice", "tool_choice must be a string or an object, got number", Kind.TYPE),
                bad("tool_choice", "[]", "tool_choice", "tool_choice must be a string or an object, got array",
                        Kind.TYPE),
                bad("tools", "{}", "tools", "tools must be an array, got object", Kind.TYPE),
                bad("response_format", "\"json\"", "response_format", "response_format must be an object, got string",
                        Kind.TYPE));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource({"numberRanges", "integerRanges", "listsAndMaps", "scalars"})
    void fieldValue(String field, String value, String param, String message, Kind kind) {
        String json = field.equals("model")
                ? "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":" + value + "}"
                : body(companion(field) + "\"" + field + "\":" + value);
        if (message == null) {
            assertValid(json);
        } else {
            assertOnly(json, param, message, kind.code, kind.rule);
        }
    }

    @ParameterizedTest(name = "{0} = null is accepted")
    @ValueSource(strings = {"chat_template_kwargs", "eos_token", "frequency_penalty", "logit_bias", "logprobs",
            "max_tokens", "min_p", "n", "parallel_tool_calls", "presence_penalty", "repetition_penalty",
            "reasoning_effort", "reasoning_budget", "seed", "stop", "stream", "stream_options", "parse_reasoning",
            "include_reasoning", "temperature", "top_k", "top_logprobs", "top_p", "xtc_threshold",
            "xtc_probability", "tools", "min_tokens", "response_format", "timeout_microseconds"})
    void nullMeansDefault(String field) {
        assertValid(body("\"" + field + "\": null"));
    }

    @Test
    void everyOptionalFieldOfTheTableIsCoveredByTheNullTest() {
        assertThat(RequestValidator.knownFields()).hasSize(32)
                .startsWith("model", "messages").contains("tool_choice", "timeout_microseconds");
    }

    @Test
    void aBodyUsingEveryFieldWithValidValuesPasses() {
        assertValid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"chat_template_kwargs\":{\"enable_thinking\":false},\"eos_token\":[2],\"frequency_penalty\":0.5,"
                + "\"logit_bias\":{\"42\":-5},\"logprobs\":true,\"max_tokens\":100,\"min_p\":0.1,\"n\":2,"
                + "\"parallel_tool_calls\":true,\"presence_penalty\":-0.5,\"repetition_penalty\":1.1,"
                + "\"reasoning_effort\":\"high\",\"reasoning_budget\":1024,\"seed\":[1,2],\"stop\":[\"END\"],"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"parse_reasoning\":true,"
                + "\"include_reasoning\":false,\"temperature\":0.7,\"tool_choice\":\"auto\",\"top_k\":40,"
                + "\"top_logprobs\":5,\"top_p\":0.9,\"xtc_threshold\":0.1,\"xtc_probability\":0.5,"
                + "\"min_tokens\":0,\"timeout_microseconds\":1000000,"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":null,"
                + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]}");
    }
}
