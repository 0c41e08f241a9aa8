package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.friendlikit.mock.validation.Fixture.assertOnly;
import static io.friendlikit.mock.validation.Fixture.assertValid;
import static io.friendlikit.mock.validation.Fixture.body;
import static io.friendlikit.mock.validation.Fixture.flavour;
import static io.friendlikit.mock.validation.Fixture.lenient;
import static io.friendlikit.mock.validation.Fixture.strict;
import static io.friendlikit.mock.validation.Fixture.validate;
import static io.friendlikit.mock.validation.Fixture.withModel;
import static org.assertj.core.api.Assertions.assertThat;

/** The body as a whole: flavours, strictness, per-model rules, ordering and the violation cap. */
class ContextAndOrderTest {

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"hi\"", "42", "null", "true"})
    void aBodyThatIsNotAnObjectIsOneViolation(String json) {
        String type = switch (json.charAt(0)) {
            case '[' -> "array";
            case '"' -> "string";
            case '4' -> "number";
            case 'n' -> "null";
            default -> "boolean";
        };
        assertOnly(json, null, "request body must be a JSON object, got " + type, "invalid_type", "VAL-TYPE");
        assertThat(Fixture.VALIDATOR.validate(null, strict()))
                .containsExactly(new Violation(null, "request body must be a JSON object, got nothing",
                        "invalid_type", "VAL-TYPE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SERVERLESS", "DEDICATED"})
    void modelIsRequiredAndNotNullOnServerlessAndDedicated(ValidationContext.Flavour f) {
        assertOnly("{" + MESSAGES + "}", flavour(f), "model", "model is required", "missing_field", "VAL-REQUIRED");
        assertOnly("{\"model\":null," + MESSAGES + "}", flavour(f), "model", "model must not be null",
                "null_not_allowed", "VAL-NULL");
        assertValid("{\"model\":\"dep0hyjaasjus3o:adapter\"," + MESSAGES + "}", flavour(f));
    }

    @Test
    void modelIsOptionalAndNullableOnTheContainer() {
        ValidationContext container = flavour(ValidationContext.Flavour.CONTAINER);
        assertValid("{" + MESSAGES + "}", container);
        assertValid("{\"model\":null," + MESSAGES + "}", container);
        assertOnly("{\"model\":1," + MESSAGES + "}", container, "model", "model must be a string, got number",
                "invalid_type", "VAL-TYPE");
        assertOnly("{\"model\":\"m\"}", container, "messages", "messages is required", "missing_field",
                "VAL-REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reasoning", "thinking", "max_completion_tokens", "user", "functions"})
    void unknownTopLevelFieldsAreRejectedWhenStrictAndIgnoredWhenLenient(String name) {
        String json = body("\"" + name + "\":{\"x\":1}");
        assertOnly(json, name, "no such field: '" + name + "'", "unknown_field", "VAL-UNKNOWN-FIELD");
        assertValid(json, lenient());
    }

    @Test
    void reasoningEffortMustBeAcceptedByTheRequestedModel() {
        String high = body("\"reasoning_effort\":\"high\"");
        assertValid(high, withModel("high", "max"));
        assertOnly(body("\"reasoning_effort\":\"low\""), withModel("high", "max"), "reasoning_effort",
                "invalid JSON payload: unknown enum value: 'low'", "unknown_enum", "X-REASONING-EFFORT");
        assertOnly(high, withModel(), "reasoning_effort", "invalid JSON payload: unknown enum value: 'high'",
                "unknown_enum", "X-REASONING-EFFORT");
        assertValid(body("\"reasoning_effort\":null"), withModel());
        assertOnly(body("\"reasoning_effort\":\"none\""), withModel("none"), "reasoning_effort",
                "invalid JSON payload: unknown enum value: 'none'", "unknown_enum", "VAL-ENUM");
    }

    @Test
    void anEffortViolationListsTheValuesThatWouldHaveBeenAccepted() {
        assertThat(validate(body("\"reasoning_effort\":\"low\""), withModel("high", "max")))
                .singleElement().extracting(Violation::allowed).isEqualTo(List.of("high", "max"));
        assertThat(validate(body("\"reasoning_effort\":\"high\""), withModel()))
                .singleElement().extracting(Violation::allowed).isEqualTo(List.of());
        assertThat(validate(body("\"reasoning_effort\":\"none\""), withModel("none")))
                .singleElement().extracting(Violation::allowed)
                .isEqualTo(List.of("minimal", "low", "medium", "high", "xhigh", "max", "ultracode"));
        assertThat(validate(body("\"top_p\":0"), withModel())).singleElement().extracting(Violation::allowed)
                .isNull();
    }

    @Test
    void violationsFollowTheBodyOrderThenTheCrossFieldRules() {
        List<Violation> found = validate("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"top_p\":0,"
                + "\"foo\":1,\"stream_options\":{},\"temperature\":-1,\"top_logprobs\":2}");
        assertThat(found).extracting(Violation::param, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("model", "VAL-REQUIRED"),
                org.assertj.core.groups.Tuple.tuple("top_p", "VAL-RANGE"),
                org.assertj.core.groups.Tuple.tuple("foo", "VAL-UNKNOWN-FIELD"),
                org.assertj.core.groups.Tuple.tuple("temperature", "VAL-RANGE"),
                org.assertj.core.groups.Tuple.tuple("stream_options", "X-STREAMOPTS"),
                org.assertj.core.groups.Tuple.tuple("top_logprobs", "X-TOPLOGPROBS"));
    }

    @Test
    void atMostFiftyViolationsAreReturned() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            members.append(i == 0 ? "" : ",").append("\"unknown").append(i).append("\":1");
        }
        List<Violation> found = validate(body(members.toString()));
        assertThat(found).hasSize(RequestValidator.MAX_VIOLATIONS).hasSize(50);
        assertThat(found.get(0)).isEqualTo(new Violation("unknown0", "no such field: 'unknown0'", "unknown_field",
                "VAL-UNKNOWN-FIELD"));
        assertThat(found.get(49).param()).isEqualTo("unknown49");
    }

    @Test
    void theResultIsUnmodifiable() {
        List<Violation> found = validate(body("\"top_p\":0"));
        assertThat(found).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(found::clear)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void numbersBuiltInCodeAreHandledLikeParsedOnes() {
        var f = JsonNodeFactory.instance;
        var bodyNode = Fixture.parse(Fixture.MINIMAL);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bodyNode).set("top_p", f.numberNode(Double.NaN));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bodyNode).set("max_tokens",
                f.numberNode(new java.math.BigDecimal("1E+400")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) bodyNode).set("n", f.numberNode(2.0f));
        assertThat(Fixture.VALIDATOR.validate(bodyNode, strict())).containsExactly(
                new Violation("top_p", "top_p must be a number, got NaN", "invalid_type", "VAL-TYPE"),
                new Violation("max_tokens", "max_tokens must be a 64-bit integer, got 1E+400", "out_of_range",
                        "VAL-RANGE"));
    }
}
