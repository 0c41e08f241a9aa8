package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.conformance.json.Json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the chat.completion a stream stands for: contents (and reasoning_content deltas) concatenated, tool-call fragments joined by
 * index, finish reasons and usage taken from the chunks that carry them. The result has the shape of a
 * plain answer so the same checks (and the comparator) apply to both.
 */
final class StreamAssembler {

    private StreamAssembler() {
    }

    static ObjectNode assemble(List<JsonNode> chunks) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        Map<Integer, ChoiceState> choices = new TreeMap<>();
        JsonNode usage = null;
        for (JsonNode chunk : chunks) {
            if (!answer.has("id") && chunk.has("id")) {
                answer.set("id", chunk.get("id"));
            }
            answer.put("object", "chat.completion");
            if (chunk.has("created")) {
                answer.set("created", chunk.get("created"));
            }
            if (chunk.has("model")) {
                answer.set("model", chunk.get("model"));
            }
            if (chunk.hasNonNull("usage")) {
                usage = chunk.get("usage");
            }
            for (JsonNode choice : chunk.path("choices")) {
                ChoiceState state = choices.computeIfAbsent(choice.path("index").asInt(), i -> new ChoiceState());
                state.add(choice);
            }
        }
        ArrayNode array = answer.putArray("choices");
        choices.forEach((index, state) -> array.add(state.toChoice(index)));
        if (usage != null) {
            answer.set("usage", usage);
        }
        return answer;
    }

    private static final class ChoiceState {
        String role;
        StringBuilder content;
        StringBuilder reasoning;
        final Map<Integer, ObjectNode> toolCalls = new TreeMap<>();
        final Map<Integer, StringBuilder> arguments = new TreeMap<>();
        JsonNode finishReason;
        ArrayNode logprobs;

        void add(JsonNode choice) {
            JsonNode delta = choice.path("delta");
            if (delta.hasNonNull("role") && role == null) {
                role = delta.get("role").asText();
            }
            if (delta.hasNonNull("content")) {
                if (content == null) {
                    content = new StringBuilder();
                }
                content.append(delta.get("content").asText());
            }
            if (delta.hasNonNull("reasoning_content")) {
                if (reasoning == null) {
                    reasoning = new StringBuilder();
                }
                reasoning.append(delta.get("reasoning_content").asText());
            }
            for (JsonNode fragment : delta.path("tool_calls")) {
                int index = fragment.path("index").asInt();
                ObjectNode call = toolCalls.computeIfAbsent(index, i -> {
                    ObjectNode created = Json.MAPPER.createObjectNode();
                    created.putObject("function");
                    return created;
                });
                if (fragment.hasNonNull("id")) {
                    call.set("id", fragment.get("id"));
                }
                if (fragment.hasNonNull("type")) {
                    call.set("type", fragment.get("type"));
                }
                JsonNode function = fragment.path("function");
                if (function.hasNonNull("name")) {
                    ((ObjectNode) call.get("function")).set("name", function.get("name"));
                }
                if (function.hasNonNull("arguments")) {
                    arguments.computeIfAbsent(index, i -> new StringBuilder()).append(function.get("arguments").asText());
                }
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason");
            }
            JsonNode logprobContent = choice.path("logprobs").path("content");
            if (logprobContent.isArray()) {
                if (logprobs == null) {
                    logprobs = Json.MAPPER.createArrayNode();
                }
                logprobs.addAll((ArrayNode) logprobContent);
            }
        }

        ObjectNode toChoice(int index) {
            ObjectNode choice = Json.MAPPER.createObjectNode();
            choice.put("index", index);
            ObjectNode message = choice.putObject("message");
            message.put("role", role);
            if (content == null) {
                message.putNull("content");
            } else {
                message.put("content", content.toString());
            }
            if (reasoning != null) {
                message.put("reasoning_content", reasoning.toString());
            }
            if (!toolCalls.isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                toolCalls.forEach((i, call) -> {
                    ((ObjectNode) call.get("function")).put("arguments",
                            arguments.getOrDefault(i, new StringBuilder()).toString());
                    calls.add(call);
                });
            }
            choice.set("finish_reason", finishReason == null ? Json.MAPPER.nullNode() : finishReason);
            if (logprobs == null) {
                choice.putNull("logprobs");
            } else {
                choice.putObject("logprobs").set("content", logprobs);
            }
            return choice;
        }
    }
}
