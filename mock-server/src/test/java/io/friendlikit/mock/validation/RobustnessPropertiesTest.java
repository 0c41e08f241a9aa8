package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator never throws, whatever the tree, and never returns more than the cap. */
class RobustnessPropertiesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final RequestValidator VALIDATOR = new RequestValidator();

    /** Member names the validator looks at, so that random trees reach deep into the rules. */
    private static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> names = new ArrayList<>(RequestValidator.knownFields());
        names.addAll(List.of("role", "content", "name", "tool_calls", "tool_call_id", "reasoning_content", "type",
                "text", "image_url", "audio_url", "video_url", "url", "id", "function", "arguments", "parameters",
                "description", "strict", "json_schema", "schema", "include_usage", "123", "foo"));
        return names;
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.recursive(RobustnessPropertiesTest::leaves, RobustnessPropertiesTest::containers, 0, 5);
    }

    private static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.just(F.nullNode()),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, 2.0)
                        .map(d -> (JsonNode) F.numberNode(d)),
                Arbitraries.bigIntegers().map(b -> (JsonNode) F.numberNode(b)),
                Arbitraries.bigDecimals().map(b -> (JsonNode) F.numberNode(b)),
                Arbitraries.of("system", "user", "assistant", "tool", "function", "text", "image_url", "json_schema",
                        "regex", "required", "auto", "^a$", "(a)\\1", "[", "(?<=x)", "\\Q", "high", "")
                        .map(s -> (JsonNode) F.textNode(s)),
                Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) F.textNode(s)));
    }

    private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(items -> {
            ArrayNode array = F.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(5));
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, inner).ofMaxSize(5).map(members -> {
            ObjectNode object = F.objectNode();
            for (Map.Entry<String, JsonNode> member : members.entrySet()) {
                object.set(member.getKey(), member.getValue());
            }
            return object;
        });
        return Arbitraries.oneOf(arrays, objects, objects);
    }

    @Provide
    Arbitrary<ValidationContext> contexts() {
        return Arbitraries.of(ValidationContext.Flavour.values()).flatMap(flavour ->
                Arbitraries.of(true, false).flatMap(strict ->
                        Arbitraries.of(true, false).map(tolerant ->
                                new ValidationContext(flavour, strict, null, tolerant))));
    }

    @Property(tries = 1000)
    void neverThrowsAndRespectsTheCap(@ForAll("trees") JsonNode body, @ForAll("contexts") ValidationContext ctx) {
        List<Violation> found = VALIDATOR.validate(body, ctx);
        assertThat(found).hasSizeLessThanOrEqualTo(RequestValidator.MAX_VIOLATIONS);
        assertThat(found).allSatisfy(v -> {
            assertThat(v.message()).isNotBlank();
            assertThat(v.code()).isNotBlank();
            assertThat(v.rule()).isNotBlank();
        });
        if (!body.isObject()) {
            assertThat(found).extracting(Violation::param).containsExactly((String) null);
        }
    }

    @Property(tries = 300)
    void messagesBuiltFromRandomTreesNeverThrow(@ForAll("trees") JsonNode message,
                                                @ForAll("contexts") ValidationContext ctx) {
        ObjectNode body = F.objectNode().put("model", "m");
        body.putArray("messages").add(message).add(message);
        body.set("tools", F.arrayNode().add(message));
        body.set("response_format", message);
        body.set("tool_choice", message);
        assertThat(VALIDATOR.validate(body, ctx)).hasSizeLessThanOrEqualTo(RequestValidator.MAX_VIOLATIONS);
    }

    @Example
    void deeplyNestedInputDoesNotThrow() {
        JsonNode deep = F.textNode("x");
        for (int i = 0; i < 100_000; i++) {
            deep = F.arrayNode().add(deep);
        }
        ObjectNode body = F.objectNode().put("model", "m");
        body.putArray("messages").addObject().put("role", "user").set("content", deep);
        body.set("chat_template_kwargs", F.objectNode().set("x", deep));
        body.set("foo", deep);
        List<Violation> found = VALIDATOR.validate(body, Fixture.strict());
        assertThat(found).containsExactly(
                new Violation("messages[0].content[0]", "messages[0].content[0] must be an object, got array",
                        "invalid_type", "MSG-CONTENT"),
                new Violation("foo", "no such field: 'foo'", "unknown_field", "VAL-UNKNOWN-FIELD"));
    }

    @Example
    void aDeeplyNestedRegexIsRejectedWithoutThrowing() {
        String regex = "(".repeat(200_000) + "a" + ")".repeat(200_000);
        ObjectNode body = (ObjectNode) Fixture.parse(Fixture.MINIMAL);
        body.putObject("response_format").put("type", "regex").put("schema", regex);
        List<Violation> found = VALIDATOR.validate(body, Fixture.strict());
        assertThat(found).extracting(Violation::param, Violation::rule)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("response_format.schema", "RF-REGEX"));
    }

    @Example
    void hugeInputIsCutAtTheCap() {
        ObjectNode body = F.objectNode().put("model", "m");
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < 200_000; i++) {
            messages.addObject().put("role", "developer").put("content", "x");
        }
        List<Violation> found = VALIDATOR.validate(body, Fixture.strict());
        assertThat(found).hasSize(50);
        assertThat(found.get(49)).isEqualTo(new Violation("messages[49].role",
                "messages[49].role: unknown role 'developer'", "unknown_enum", "MSG-ROLE"));
    }
}
