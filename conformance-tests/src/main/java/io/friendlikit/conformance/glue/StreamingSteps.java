package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.compare.JsonComparator;
import io.friendlikit.conformance.http.HttpExchange;
import io.friendlikit.conformance.http.StreamCapture;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.sse.SseEvent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks on the event stream itself: media type, framing, chunk order, [DONE], usage, timing. */
public final class StreamingSteps {

    private final ChatWorld world;
    private final Rules rules;

    public StreamingSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    @Then("the response is an event stream")
    public void isEventStream() {
        HttpExchange exchange = world.stream().exchange();
        rules.check(exchange.status() == 200, "HTTP 200", exchange::describe);
        rules.check(exchange.mediaType().equals("text/event-stream"), "Content-Type text/event-stream",
                () -> "'" + exchange.header("Content-Type").orElse("(none)") + "', " + exchange.describe());
        StreamCapture capture = world.stream();
        rules.check(capture.failure().isEmpty(), "the stream to end cleanly",
                () -> capture.failure().orElse("") + " after " + capture.events().size() + " events");
    }

    @Then("every event is a single data line")
    public void singleDataLine() {
        List<SseEvent> events = world.stream().events();
        rules.check(!events.isEmpty(), "at least one event", () -> "none in: " + Json.abbreviate(world.stream().exchange().body()));
        for (int i = 0; i < events.size(); i++) {
            SseEvent event = events.get(i);
            int position = i;
            rules.check(event.fields().equals(List.of("data")) && event.type().equals("message"),
                    "event " + position + " to consist of exactly one data: line (no event:, id: or retry:)",
                    () -> "fields " + event.fields() + ", type " + event.type());
        }
        rules.check(world.stream().unterminated() == 0, "every event to end with a blank line",
                () -> "the body ended inside an event: " + Json.abbreviate(tail(world.stream().exchange().body())));
    }

    @Then("every chunk conforms to the {string} schema")
    public void chunksConform(String schema) {
        List<SseEvent> events = world.stream().chunkEvents();
        rules.check(!events.isEmpty(), "at least one chunk before [DONE]", () -> "none");
        for (int i = 0; i < events.size(); i++) {
            String data = events.get(i).data();
            List<String> problems = world.schemas().check(schema, data);
            int position = i;
            rules.check(problems.isEmpty(), "chunk " + position + " valid against the " + schema + " schema",
                    () -> String.join("; ", problems) + " in " + Json.abbreviate(data));
        }
    }

    @Then("all chunks share one id")
    public void oneId() {
        Set<String> ids = new LinkedHashSet<>();
        world.chunks().forEach(c -> ids.add(c.path("id").asText(null)));
        rules.check(ids.size() == 1 && !ids.contains(null), "one id shared by every chunk", () -> "ids " + ids);
    }

    @Then("the first delta of every choice carries the role {string}")
    public void firstDeltaRole(String role) {
        Map<Integer, JsonNode> first = new TreeMap<>();
        for (JsonNode chunk : world.chunks()) {
            for (JsonNode choice : chunk.path("choices")) {
                first.putIfAbsent(choice.path("index").asInt(), choice.path("delta"));
            }
        }
        rules.check(!first.isEmpty(), "at least one choice in the stream", () -> "no choices");
        first.forEach((index, delta) -> rules.check(role.equals(delta.path("role").asText(null)),
                "the first delta of choice " + index + " to carry role \"" + role + "\"", () -> "delta " + Json.write(delta)));
    }

    /** SSE-06: one finish_reason per choice, in the last chunk of that choice; what else that chunk carries is free. */
    @Then("every choice finishes exactly once, in its last chunk")
    public void finishesOnce() {
        Map<Integer, List<Integer>> finishes = finishingChunks();
        Map<Integer, Integer> lastChunk = new TreeMap<>();
        List<JsonNode> chunks = world.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            for (JsonNode choice : chunks.get(i).path("choices")) {
                lastChunk.put(choice.path("index").asInt(), i);
            }
        }
        rules.check(!finishes.isEmpty(), "at least one choice in the stream", () -> "no choices");
        finishes.forEach((index, at) -> {
            rules.check(at.size() == 1, "choice " + index + " to carry a finish_reason exactly once",
                    () -> at.size() + " times (chunks " + at + ")");
            rules.check(at.get(0).equals(lastChunk.get(index)), "the finishing chunk to be the last chunk of choice " + index,
                    () -> "finish in chunk " + at.get(0) + ", last chunk " + lastChunk.get(index));
        });
    }

    /**
     * Friendli's framing (SSE-09): the chunk carrying finish_reason has an empty delta. OpenAI-compatible servers may
     * put the last content and the finish_reason in one chunk, so the scenario is tagged @friendli-specific.
     */
    @Then("the finishing chunk of every choice has an empty delta")
    public void finishingDeltaEmpty() {
        List<JsonNode> chunks = world.chunks();
        Map<Integer, List<Integer>> finishes = finishingChunks();
        rules.check(!finishes.isEmpty(), "at least one choice with a finish_reason in the stream", () -> "none");
        finishes.forEach((index, at) -> {
            for (int position : at) {
                for (JsonNode choice : chunks.get(position).path("choices")) {
                    if (choice.path("index").asInt() == index) {
                        JsonNode delta = choice.path("delta");
                        rules.check(isEmptyDelta(delta), "the finishing chunk " + position + " of choice " + index
                                + " to have an empty delta", () -> "delta " + Json.write(delta));
                    }
                }
            }
        });
    }

    /** Choice index to the positions of the chunks in which it carries a finish_reason. */
    private Map<Integer, List<Integer>> finishingChunks() {
        Map<Integer, List<Integer>> finishes = new TreeMap<>();
        List<JsonNode> chunks = world.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            for (JsonNode choice : chunks.get(i).path("choices")) {
                List<Integer> at = finishes.computeIfAbsent(choice.path("index").asInt(), k -> new ArrayList<>());
                if (choice.hasNonNull("finish_reason")) {
                    at.add(i);
                }
            }
        }
        return finishes;
    }

    private static boolean isEmptyDelta(JsonNode delta) {
        if (!delta.isObject()) {
            return false;
        }
        for (JsonNode value : delta) {
            if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** The first fragment for each tool-call index carries id, type and function name (docs/api-notes.md §9.2). */
    @Then("the first fragment of every streamed tool call carries its id, type and name")
    public void firstToolCallFragment() {
        Map<String, JsonNode> first = new java.util.LinkedHashMap<>();
        for (JsonNode chunk : world.chunks()) {
            for (JsonNode choice : chunk.path("choices")) {
                for (JsonNode fragment : choice.path("delta").path("tool_calls")) {
                    first.putIfAbsent(choice.path("index").asInt() + "/" + fragment.path("index").asInt(), fragment);
                }
            }
        }
        rules.check(!first.isEmpty(), "at least one streamed tool-call fragment", () -> "none");
        first.forEach((key, fragment) -> rules.check(
                fragment.path("id").isTextual() && !fragment.path("id").asText().isEmpty()
                        && "function".equals(fragment.path("type").asText())
                        && fragment.path("function").path("name").isTextual(),
                "the first fragment of tool call " + key + " (choice/index) to carry id, type \"function\" and function.name",
                () -> Json.write(fragment)));
    }

    @Then("the stream ends with [DONE] and nothing follows it")
    public void endsWithDone() {
        StreamCapture capture = world.stream();
        List<SseEvent> events = capture.events();
        rules.check(capture.doneIndex().isPresent(), "a final data: [DONE] event",
                () -> events.size() + " events, the last: " + (events.isEmpty() ? "(none)" : Json.abbreviate(events.get(events.size() - 1).data())));
        int done = capture.doneIndex().get();
        rules.check(done == events.size() - 1, "no event after data: [DONE]",
                () -> (events.size() - 1 - done) + " more: " + Json.abbreviate(events.get(events.size() - 1).data()));
        String body = capture.exchange().body();
        String after = body.substring(body.lastIndexOf("[DONE]") + "[DONE]".length());
        rules.check(after.isBlank(), "nothing but line ends after data: [DONE]", () -> "\"" + Json.abbreviate(after) + "\"");
    }

    @Then("the stream carries no usage chunk")
    public void noUsageChunk() {
        List<JsonNode> chunks = world.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            int position = i;
            rules.check(!chunk.hasNonNull("usage") && chunk.path("choices").size() > 0,
                    "no usage and at least one choice in chunk " + position + " (include_usage was not requested)",
                    () -> Json.abbreviate(Json.write(chunk)));
        }
    }

    @Then("the stream ends with one usage chunk without choices")
    public void usageChunkLast() {
        List<JsonNode> chunks = world.chunks();
        List<Integer> usageChunks = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).hasNonNull("usage")) {
                usageChunks.add(i);
            }
        }
        rules.check(usageChunks.size() == 1 && usageChunks.get(0) == chunks.size() - 1,
                "exactly one chunk with usage, the last before [DONE]",
                () -> "usage in chunks " + usageChunks + " of " + chunks.size());
        JsonNode last = chunks.get(chunks.size() - 1);
        rules.check(last.path("choices").isArray() && last.path("choices").isEmpty(), "\"choices\": [] in the usage chunk",
                () -> Json.abbreviate(Json.write(last)));
    }

    @Then("the streamed usage equals the plain answer's usage")
    public void usageEqualsPlain() {
        HttpExchange plainExchange = world.plainAnswer();
        rules.check(plainExchange.status() == 200, "HTTP 200 for the plain request", plainExchange::describe);
        JsonNode plain = Json.parse(plainExchange.body()).path("usage");
        JsonNode streamed = world.answer().path("usage");
        // nothing to compare is not agreement: both sides must carry usage (USG-02 and RESP-08 say so)
        rules.check(plain.isObject(), "a usage object in the plain answer to compare with",
                () -> plain.isMissingNode() ? "none" : Json.abbreviate(Json.write(plain)));
        rules.check(streamed.isObject(), "a usage chunk in the stream (include_usage was requested) to compare with",
                () -> streamed.isMissingNode() ? "none" : Json.abbreviate(Json.write(streamed)));
        List<String> differences = comparator().differences(plain, streamed);
        rules.check(differences.isEmpty(), "the usage chunk to equal the plain answer's usage " + Json.write(plain),
                () -> Json.write(streamed) + " (" + String.join("; ", differences) + ")");
    }

    @Then("the streamed answer equals the plain answer")
    public void streamEqualsPlain() {
        HttpExchange plain = world.plainAnswer();
        rules.check(plain.status() == 200, "HTTP 200 for the plain request", plain::describe);
        JsonNode expected = Json.parse(plain.body());
        ObjectNode actual = (ObjectNode) world.answer();
        List<String> differences = comparator().differences(expected, actual);
        rules.check(differences.isEmpty(), "the reassembled stream to equal the plain answer to the same request",
                () -> String.join("; ", differences));
    }

    /**
     * Compares one member of every choice (e.g. "logprobs", "message.reasoning_content") between the reassembled
     * stream and the plain answer, under the target's divergences only: the by-design differences of two
     * requests (comparisons/stream-vs-plain.json) are not applied, since they exclude exactly these members.
     */
    @Then("every streamed choice has the same {string} as the plain answer")
    public void sameMemberAsPlain(String path) {
        HttpExchange plain = world.plainAnswer();
        rules.check(plain.status() == 200, "HTTP 200 for the plain request", plain::describe);
        JsonNode plainAnswer = Json.parse(plain.body());
        JsonNode streamedAnswer = world.answer();
        // a comparison of two absent members would pass without comparing anything
        requireInEveryChoice(plainAnswer, path, "the plain answer");
        requireInEveryChoice(streamedAnswer, path, "the streamed answer");
        JsonNode expected = project(plainAnswer, path);
        JsonNode actual = project(streamedAnswer, path);
        List<String> differences = JsonComparator.forTarget(world.target().kind(), "divergences.json").differences(expected, actual);
        rules.check(differences.isEmpty(), "the streamed " + path + " of every choice to equal the plain answer's "
                        + Json.abbreviate(Json.write(expected)),
                () -> Json.abbreviate(Json.write(actual)) + " (" + String.join("; ", differences) + ")");
    }

    private void requireInEveryChoice(JsonNode answer, String path, String which) {
        JsonNode choices = answer.path("choices");
        rules.check(choices.isArray() && choices.size() > 0, "at least one choice in " + which,
                () -> Json.abbreviate(Json.write(choices)));
        for (int i = 0; i < choices.size(); i++) {
            JsonNode value = Json.at(choices.get(i), path);
            int index = i;
            rules.check(!value.isMissingNode() && !value.isNull(), "choices[" + index + "]." + path + " in " + which
                    + " (the request asked for it; nothing to compare otherwise)", () -> value.isMissingNode() ? "none" : "null");
        }
    }

    /** {"choices": [{<path>: value}, …]}, so divergence pointers such as /choices/[*]/logprobs apply. */
    private static JsonNode project(JsonNode answer, String path) {
        ObjectNode projection = Json.MAPPER.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode choices = projection.putArray("choices");
        for (JsonNode choice : answer.path("choices")) {
            ObjectNode kept = choices.addObject();
            JsonNode value = Json.at(choice, path);
            Json.set(kept, path, value.isMissingNode() ? Json.MAPPER.nullNode() : value);
        }
        return projection;
    }

    /** Content deltas per choice (a mock property: one token per chunk). */
    @Then("every choice streams at least {int} content chunks")
    public void contentChunks(int minimum) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (JsonNode chunk : world.chunks()) {
            for (JsonNode choice : chunk.path("choices")) {
                int index = choice.path("index").asInt();
                JsonNode content = choice.path("delta").path("content");
                counts.merge(index, content.isTextual() && !content.asText().isEmpty() ? 1 : 0, Integer::sum);
            }
        }
        rules.check(!counts.isEmpty(), "at least one choice in the stream", () -> "no choices");
        counts.forEach((index, count) -> rules.check(count >= minimum,
                "at least " + minimum + " chunks with content for choice " + index, () -> count + " chunks"));
    }

    @Then("the first event arrives after at least {int} ms")
    public void firstEventLatency(int millis) {
        List<SseEvent> events = world.stream().events();
        rules.check(!events.isEmpty(), "at least one event", () -> "none");
        long arrival = events.get(0).arrival().toMillis();
        rules.check(arrival >= millis, "the first event after at least " + millis + " ms", () -> arrival + " ms");
    }

    @Then("the stream ends without [DONE]")
    public void endsWithoutDone() {
        StreamCapture capture = world.stream();
        rules.check(capture.doneIndex().isEmpty(), "a stream cut before data: [DONE]",
                () -> "[DONE] after " + capture.doneIndex().orElse(-1) + " events");
    }

    @Then("an event carries an error object")
    public void eventCarriesError() {
        boolean found = world.stream().events().stream()
                .map(e -> Json.tryParse(e.data()))
                .anyMatch(j -> j.isPresent() && j.get().has("error"));
        rules.check(found, "an event whose data holds an \"error\" member",
                () -> world.stream().events().size() + " events without one");
    }

    private JsonComparator comparator() {
        return JsonComparator.forComparison(world.target().kind(), "comparisons/stream-vs-plain.json");
    }

    private static String tail(String text) {
        return text.length() > 200 ? text.substring(text.length() - 200) : text;
    }
}
