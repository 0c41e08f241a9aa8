package io.friendlikit.mock.verdict;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The documented features a client may use, one row each: the verdict's coverage table (which were used, which
 * never) is derived from this table and nothing else. A predicate sees the request's JSON body (never null) and
 * its lower-case headers.
 */
public record Feature(String id, String label, BiPredicate<JsonNode, Map<String, String>> usedBy) {

    public static final List<Feature> TABLE = List.of(
            new Feature("streaming", "streamed answers (stream: true)", (b, h) -> b.path("stream").asBoolean(false)),
            new Feature("include_usage", "the usage chunk (stream_options.include_usage)",
                    (b, h) -> b.path("stream_options").path("include_usage").asBoolean(false)),
            new Feature("tools", "tools declared", (b, h) -> b.path("tools").isArray() && !b.path("tools").isEmpty()),
            new Feature("tool_result", "the tool-result round trip (a tool message sent back)",
                    (b, h) -> anyMessage(b, m -> "tool".equals(m.path("role").asText()))),
            new Feature("parallel_tool_calls", "parallel tool calls (several calls in one assistant turn)",
                    (b, h) -> anyMessage(b, m -> m.path("tool_calls").size() > 1)),
            new Feature("n", "several choices (n > 1)", (b, h) -> b.path("n").asInt(1) > 1),
            new Feature("logprobs", "log probabilities (logprobs)", (b, h) -> b.path("logprobs").asBoolean(false)),
            new Feature("response_format.text", "response_format text", (b, h) -> format(b, "text")),
            new Feature("response_format.json_object", "response_format json_object", (b, h) -> format(b, "json_object")),
            new Feature("response_format.json_schema", "response_format json_schema", (b, h) -> format(b, "json_schema")),
            new Feature("response_format.regex", "response_format regex", (b, h) -> format(b, "regex")),
            new Feature("reasoning", "reasoning controls (include_reasoning, reasoning_effort, reasoning_budget)",
                    (b, h) -> b.has("include_reasoning") || b.has("reasoning_effort") || b.has("reasoning_budget")),
            new Feature("seed", "a seed", (b, h) -> b.has("seed") && !b.path("seed").isNull()),
            new Feature("stop", "stop sequences", (b, h) -> b.has("stop") && !b.path("stop").isNull()),
            new Feature("team", "the X-Friendli-Team header", (b, h) -> h.containsKey("x-friendli-team")));

    private static boolean format(JsonNode body, String type) {
        return type.equals(body.path("response_format").path("type").asText(null));
    }

    private static boolean anyMessage(JsonNode body, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode m : body.path("messages")) {
            if (test.test(m)) {
                return true;
            }
        }
        return false;
    }
}
