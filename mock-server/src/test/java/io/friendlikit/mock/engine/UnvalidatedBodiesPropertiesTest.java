package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.ValidationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Robustness: even with validation switched off (the skip_validation fault), any JSON object made of the known
 * field names with values of any type and size is answered — quickly, without an exception — because the binder
 * and the generator keep every value within safe bounds.
 */
class UnvalidatedBodiesPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("model", "messages", "stream", "stream_options", "n",
            "max_tokens", "min_tokens", "stop", "seed", "temperature", "top_p", "top_k", "logprobs", "top_logprobs",
            "tools", "tool_choice", "parallel_tool_calls", "response_format", "parse_reasoning", "include_reasoning",
            "reasoning_effort", "reasoning_budget", "logit_bias", "eos_token", "chat_template_kwargs",
            "timeout_microseconds");

    private final FaultRegistry faults = new FaultRegistry();
    private final ChatService service = new ChatService(MockConfig.defaults(), Mappers.wire(), ModelCatalog.defaults(),
            faults, new ScenarioRegistry(), new Journal(10));

    UnvalidatedBodiesPropertiesTest() {
        faults.add(new Fault.SkipValidation(), null);
    }

    @Property(tries = 1500)
    void anyBodyIsAnsweredWithinBounds(@ForAll("bodies") ObjectNode body) {
        assertThatCode(() -> {
            long start = System.nanoTime();
            Outcome outcome = service.handle(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                    "/serverless/v1/chat/completions", Map.of("authorization", "Bearer t"),
                    JSON.writeValueAsBytes(body), false));
            assertThat(outcome).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered quickly: %s", body)
                    .isLessThan(Duration.ofSeconds(10));
        }).as("body %s", body).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<ObjectNode> bodies() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.booleanNode(true),
                        JsonNodeFactory.instance.booleanNode(false)),
                Arbitraries.longs().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(-1L, 0L, 1L, 128L, 1_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(JsonNodeFactory.instance::numberNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.strings().ofMaxLength(12).map(JsonNodeFactory.instance::textNode),
                Arbitraries.of("[]", "{}", "[1,2]", "[\"a\",\"\"]", "[{}]", "{\"type\":\"regex\",\"schema\":\"(a|b)*c{2,}\"}",
                        "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"array\",\"minItems\":100000}}}",
                        "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"$ref\":\"#\"}}}",
                        "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"string\",\"minLength\":10000000}}}",
                        "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"$ref\":\"#\"}}}]",
                        "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}",
                        "[{\"role\":\"user\",\"content\":\"call f\"}]", "[{\"role\":\"tool\"}]", "[null]")
                        .map(UnvalidatedBodiesPropertiesTest::parse));
        return Arbitraries.subsetOf(FIELDS).flatMap(names -> values.list().ofSize(names.size()).map(list -> {
            ObjectNode body = JSON.createObjectNode();
            body.put("model", "meta-llama-3.1-8b-instruct");
            body.set("messages", parse("[{\"role\":\"user\",\"content\":\"Hello f\"}]"));
            int i = 0;
            for (String name : names) {
                body.set(name, list.get(i++));
            }
            return body;
        }));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
