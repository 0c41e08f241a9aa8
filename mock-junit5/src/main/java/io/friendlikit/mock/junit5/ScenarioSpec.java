package io.friendlikit.mock.junit5;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted answer as {@code POST /__admin/scenarios} takes it: what to match (text in the last user message,
 * model) and the reply (content and/or tool calls), optionally for the next {@code times} matching requests.
 * Immutable; every method returns a new spec.
 *
 * <pre>{@code
 * ScenarioSpec.reply("It is sunny.").whenContains("weather").times(1)
 * ScenarioSpec.toolCall("get_weather", Map.of("city", "Paris")).forModel("meta-llama-3.1-8b-instruct")
 * }</pre>
 */
public final class ScenarioSpec {

    /** One tool call of the reply; the mock generates its id. */
    public record ToolCall(String name, Map<String, ?> arguments) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            arguments = Map.copyOf(arguments);
        }
    }

    private final String contains;
    private final String model;
    private final String content;
    private final List<ToolCall> toolCalls;
    private final Integer times;

    private ScenarioSpec(String contains, String model, String content, List<ToolCall> toolCalls, Integer times) {
        this.contains = contains;
        this.model = model;
        this.content = content;
        this.toolCalls = List.copyOf(toolCalls);
        this.times = times;
    }

    /** Answers with this text content. */
    public static ScenarioSpec reply(String content) {
        return new ScenarioSpec(null, null, Objects.requireNonNull(content, "content"), List.of(), null);
    }

    /** Answers with a call of this function (finish_reason {@code tool_calls}). */
    public static ScenarioSpec toolCall(String name, Map<String, ?> arguments) {
        return new ScenarioSpec(null, null, null, List.of(new ToolCall(name, arguments)), null);
    }

    /** One more tool call in the same answer. */
    public ScenarioSpec andToolCall(String name, Map<String, ?> arguments) {
        List<ToolCall> calls = new ArrayList<>(toolCalls);
        calls.add(new ToolCall(name, arguments));
        return new ScenarioSpec(contains, model, content, calls, times);
    }

    /** Only when the last user message contains this text (case-insensitive). */
    public ScenarioSpec whenContains(String text) {
        return new ScenarioSpec(text, model, content, toolCalls, times);
    }

    /** Only for requests naming this model. */
    public ScenarioSpec forModel(String modelId) {
        return new ScenarioSpec(contains, modelId, content, toolCalls, times);
    }

    /** For the next {@code n} matching requests only. */
    public ScenarioSpec times(int n) {
        return new ScenarioSpec(contains, model, content, toolCalls, n);
    }

    /** The admin body. */
    Map<String, Object> body() {
        Map<String, Object> match = new LinkedHashMap<>();
        if (contains != null) {
            match.put("contains", contains);
        }
        if (model != null) {
            match.put("model", model);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        if (content != null) {
            reply.put("content", content);
        }
        if (!toolCalls.isEmpty()) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (ToolCall c : toolCalls) {
                calls.add(Map.of("name", c.name(), "arguments", c.arguments()));
            }
            reply.put("toolCalls", calls);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("match", match);
        body.put("reply", reply);
        if (times != null) {
            body.put("times", times);
        }
        return body;
    }

    @Override
    public String toString() {
        return body().toString();
    }
}
