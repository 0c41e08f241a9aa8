package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.ValidationContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property (issue 4, point 8): for random valid requests, the stream reassembles to the plain answer of the same
 * request — content, reasoning, tool calls, finish reasons, logprobs — with the same usage, and every stream keeps
 * the invariants of docs/api-notes.md §9 (one id, role first, each choice finishes once, usage chunk last).
 */
class StreamEqualsPlainPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChatService service = new ChatService(MockConfig.defaults(), Mappers.wire(), ModelCatalog.defaults(),
            new FaultRegistry(), new ScenarioRegistry(), new Journal(0));

    @Property(tries = 2000)
    void streamReassemblesToThePlainAnswer(@ForAll("requests") ObjectNode request) throws Exception {
        ObjectNode plainRequest = request.deepCopy().put("stream", false);
        ObjectNode streamRequest = request.deepCopy().put("stream", true);
        streamRequest.putObject("stream_options").put("include_usage", true);

        JsonNode plain = JSON.readTree(plainBytes(send(plainRequest)));
        List<JsonNode> chunks = chunks(send(streamRequest));

        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.get("choices")).as("usage chunk last, choices []").isEmpty();
        assertThat(usage.get("usage")).as("streamed usage equals plain usage").isEqualTo(plain.get("usage"));

        Map<Integer, Rebuilt> rebuilt = reassemble(chunks.subList(0, chunks.size() - 1));
        assertThat(rebuilt.keySet()).as("one choice per n").hasSize(plain.get("choices").size());
        for (JsonNode choice : plain.get("choices")) {
            Rebuilt r = rebuilt.get(choice.get("index").asInt());
            JsonNode message = choice.get("message");
            // A stream with no content delta concatenates to "" (a plain "" answer) unless the plain content is null.
            String expected = message.get("content").isNull() ? null : message.get("content").asText();
            String streamed = r.content == null && expected != null && expected.isEmpty() ? "" : r.content;
            assertThat(streamed).as("content").isEqualTo(expected);
            assertThat(r.reasoning).as("reasoning_content").isEqualTo(message.has("reasoning_content")
                    ? message.get("reasoning_content").asText() : null);
            assertThat(r.finishReason).as("finish_reason").isEqualTo(choice.get("finish_reason").asText());
            JsonNode calls = message.path("tool_calls");
            assertThat(r.calls).as("tool calls").hasSize(calls.size());
            for (int k = 0; k < calls.size(); k++) {
                JsonNode call = calls.get(k);
                assertThat(r.calls.get(k)).as("tool call %d", k).containsExactly(call.get("id").asText(),
                        call.path("function").path("name").asText(), call.path("function").path("arguments").asText());
            }
            JsonNode plainLogprobs = choice.get("logprobs");
            if (plainLogprobs.isNull()) {
                assertThat(r.logprobs).as("no logprobs in the stream either").isEmpty();
            } else {
                assertThat((JsonNode) JSON.valueToTree(r.logprobs)).as("logprobs").isEqualTo(plainLogprobs.get("content"));
            }
        }
    }

    private static final class Rebuilt {
        String content;
        String reasoning;
        String finishReason;
        final List<List<String>> calls = new ArrayList<>();
        final List<JsonNode> logprobs = new ArrayList<>();
    }

    private static Map<Integer, Rebuilt> reassemble(List<JsonNode> chunks) {
        Map<Integer, Rebuilt> out = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode chunk : chunks) {
            ids.add(chunk.get("id").asText());
            assertThat(chunk.get("usage").isNull()).isTrue();
            for (JsonNode choice : chunk.get("choices")) {
                int index = choice.get("index").asInt();
                boolean first = !out.containsKey(index);
                Rebuilt r = out.computeIfAbsent(index, i -> new Rebuilt());
                assertThat(r.finishReason).as("nothing after choice %d finished", index).isNull();
                JsonNode delta = choice.get("delta");
                assertThat(delta.has("role")).as("role exactly in the first delta of choice %d", index).isEqualTo(first);
                if (delta.has("content")) {
                    r.content = (r.content == null ? "" : r.content) + delta.get("content").asText();
                }
                if (delta.has("reasoning_content")) {
                    r.reasoning = (r.reasoning == null ? "" : r.reasoning) + delta.get("reasoning_content").asText();
                }
                for (JsonNode fragment : delta.path("tool_calls")) {
                    int k = fragment.get("index").asInt();
                    if (k == r.calls.size()) {
                        assertThat(fragment.has("id")).as("first fragment carries the id").isTrue();
                        r.calls.add(new ArrayList<>(List.of(fragment.get("id").asText(),
                                fragment.path("function").path("name").asText(), "")));
                    }
                    List<String> call = r.calls.get(k);
                    call.set(2, call.get(2) + fragment.path("function").path("arguments").asText());
                }
                if (!choice.get("logprobs").isNull()) {
                    choice.get("logprobs").get("content").forEach(r.logprobs::add);
                }
                if (!choice.get("finish_reason").isNull()) {
                    assertThat(delta.size()).as("finishing delta is empty").isZero();
                    r.finishReason = choice.get("finish_reason").asText();
                }
            }
        }
        assertThat(ids).as("one id per stream").hasSize(1);
        out.values().forEach(r -> assertThat(r.finishReason).as("every choice finishes").isNotNull());
        return out;
    }

    private Outcome send(ObjectNode body) throws Exception {
        Outcome outcome = service.handle(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                "/serverless/v1/chat/completions", Map.of("authorization", "Bearer t",
                "content-type", "application/json"), JSON.writeValueAsBytes(body), false));
        if (outcome instanceof Outcome.Failure f) {
            throw new AssertionError("a valid request was refused: " + f.error().message() + "\nrequest: " + body);
        }
        return outcome;
    }

    private static byte[] plainBytes(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Plain.class);
        return ((Outcome.Plain) outcome).json();
    }

    private static List<JsonNode> chunks(Outcome outcome) throws Exception {
        assertThat(outcome).isInstanceOf(Outcome.Stream.class);
        var plan = ((Outcome.Stream) outcome).plan();
        assertThat(plan.done()).isTrue();
        assertThat(plan.afterDone()).isEmpty();
        List<JsonNode> out = new ArrayList<>();
        for (String p : plan.payloads()) {
            assertThat(p).doesNotContain("\n");
            out.add(JSON.readTree(p.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Provide
    Arbitrary<ObjectNode> requests() {
        Arbitrary<String> model = Arbitraries.of("meta-llama-3.1-8b-instruct", "zai-org/GLM-5.2",
                "deepseek-ai/DeepSeek-V3.2");
        Arbitrary<String> prompt = Arbitraries.of("Hi", "What is the weather in Paris today?",
                "Please look up the stock price of ACME.", "Tell me a story about a quiet river.");
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> maxTokens = Arbitraries.integers().between(1, 120).injectNull(0.3);
        Arbitrary<Long> seed = Arbitraries.longs().between(0, 1_000_000).injectNull(0.2);
        Arbitrary<Integer> topLogprobs = Arbitraries.integers().between(-1, 5);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 5);
        Arbitrary<Double> temperature = Arbitraries.of(0.0, 0.7, 1.0, 1.5);
        Arbitrary<List<String>> stop = Arbitraries.of(" the", ".", "e", " a", "river").list().ofMaxSize(2);
        return Combinators.combine(model, prompt, n, maxTokens, seed, topLogprobs, shape, temperature)
                .as((m, p, count, max, s, lp, kind, temp) -> build(m, p, count, max, s, lp, kind, temp))
                .flatMap(body -> stop.map(phrases -> withStop(body, phrases)));
    }

    private static ObjectNode withStop(ObjectNode body, List<String> phrases) {
        ObjectNode copy = body.deepCopy();
        if (!phrases.isEmpty()) {
            ArrayNode list = copy.putArray("stop");
            phrases.forEach(list::add);
        }
        return copy;
    }

    private static ObjectNode build(String model, String prompt, int n, Integer maxTokens, Long seed, int topLogprobs,
                                    int kind, double temperature) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.put("n", n).put("temperature", temperature);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        if (topLogprobs >= 0) {
            body.put("logprobs", true).put("top_logprobs", topLogprobs);
        }
        if (!model.startsWith("meta")) {
            body.put("parse_reasoning", true);
        }
        switch (kind) {
            case 1 -> {
                addTools(body);
                body.put("tool_choice", "auto").put("parallel_tool_calls", n % 2 == 0);
            }
            case 2 -> {
                addTools(body);
                body.put("tool_choice", "required");
            }
            case 3 -> {
                addTools(body);
                body.putObject("tool_choice").put("type", "function").putObject("function").put("name", "get_stock");
            }
            case 4 -> body.set("response_format", json(
                    "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":{\"type\":\"object\",\"properties\":"
                            + "{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\",\"minimum\":1,"
                            + "\"maximum\":7},\"tags\":{\"type\":\"array\",\"items\":{\"enum\":[\"a\",\"b\"]}}},"
                            + "\"required\":[\"city\",\"days\"]}}}"));
            case 5 -> body.set("response_format", json("{\"type\":\"regex\",\"schema\":\"[A-Z]{2}-[0-9]{3,5}\"}"));
            default -> body.put("min_tokens", Math.min(n * 3, maxTokens == null ? 10 : maxTokens));
        }
        return body;
    }

    private static void addTools(ObjectNode body) {
        body.set("tools", json("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":"
                + "\"Weather for a city\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
                + "\"string\"},\"unit\":{\"enum\":[\"c\",\"f\"]}},\"required\":[\"city\"]}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"get_stock\",\"description\":\"Stock price\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"symbol\":{\"type\":\"string\"}}}}}]"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
