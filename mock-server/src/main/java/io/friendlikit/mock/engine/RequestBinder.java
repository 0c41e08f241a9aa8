package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolCall;
import io.friendlikit.mock.wire.ToolChoice;
import io.friendlikit.mock.wire.ToolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a request body that passed validation to a {@link ChatRequest}, applying the defaults of spec section
 * 3.2 for absent and null members. It trusts the validator for types; members of a wrong type fall back to the
 * default rather than failing (that only happens when validation is switched off by a fault).
 */
public final class RequestBinder {
    // n and top_logprobs are clamped to ChatRequest's caps even when validation is off (a fault), so no request
    // can exhaust the mock.

    private final ObjectMapper mapper;

    public RequestBinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ChatRequest bind(JsonNode body) {
        JsonNode streamOptions = present(body, "stream_options");
        boolean includeUsage = streamOptions != null && streamOptions.path("include_usage").asBoolean(false);
        return new ChatRequest(
                text(body, "model"),
                messages(present(body, "messages")),
                bool(body, "stream", false),
                includeUsage,
                Math.max(1, Math.min(ChatRequest.MAX_N, integer(body, "n", 1))),
                nullableInt(body, "max_tokens"),
                Math.max(0, integer(body, "min_tokens", 0)),
                strings(present(body, "stop")),
                seeds(present(body, "seed")),
                number(body, "temperature", 1.0),
                number(body, "top_p", 1.0),
                Math.max(0, integer(body, "top_k", 0)),
                number(body, "min_p", 0.0),
                number(body, "frequency_penalty", 0.0),
                number(body, "presence_penalty", 0.0),
                number(body, "repetition_penalty", 1.0),
                bool(body, "logprobs", false),
                clamp(nullableInt(body, "top_logprobs"), 0, ChatRequest.MAX_TOP_LOGPROBS),
                tools(present(body, "tools")),
                toolChoice(present(body, "tool_choice")),
                bool(body, "parallel_tool_calls", true),
                responseFormat(present(body, "response_format")),
                present(body, "parse_reasoning") == null ? null : body.get("parse_reasoning").asBoolean(),
                bool(body, "include_reasoning", true),
                text(body, "reasoning_effort"),
                nullableInt(body, "reasoning_budget"),
                kwargs(present(body, "chat_template_kwargs")),
                longs(present(body, "eos_token")),
                logitBias(present(body, "logit_bias")));
    }

    private static JsonNode present(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = present(node, field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static boolean bool(JsonNode node, String field, boolean dflt) {
        JsonNode v = present(node, field);
        return v != null && v.isBoolean() ? v.asBoolean() : dflt;
    }

    private static int integer(JsonNode node, String field, int dflt) {
        Integer v = nullableInt(node, field);
        return v == null ? dflt : v;
    }

    private static Integer nullableInt(JsonNode node, String field) {
        JsonNode v = present(node, field);
        if (v == null || !v.isNumber()) {
            return null;
        }
        long l = v.asLong();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }

    private static Integer clamp(Integer value, int min, int max) {
        return value == null ? null : Math.max(min, Math.min(max, value));
    }

    private static double number(JsonNode node, String field, double dflt) {
        JsonNode v = present(node, field);
        return v != null && v.isNumber() ? v.asDouble() : dflt;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(e -> {
                if (e.isNumber()) {
                    out.add(e.asLong());
                }
            });
        }
        return out;
    }

    private static List<Long> seeds(JsonNode seed) {
        if (seed == null) {
            return null;
        }
        if (seed.isNumber()) {
            return List.of(seed.asLong());
        }
        List<Long> list = longs(seed);
        return list.isEmpty() ? null : list;
    }

    private static List<ChatMessage> messages(JsonNode array) {
        List<ChatMessage> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode m : array) {
            if (!m.isObject()) {
                continue;
            }
            String role = text(m, "role");
            StringBuilder textContent = null;
            int media = 0;
            JsonNode content = present(m, "content");
            if (content != null && content.isTextual()) {
                textContent = new StringBuilder(content.asText());
            } else if (content != null && content.isArray()) {
                for (JsonNode part : content) {
                    if ("text".equals(text(part, "type")) && text(part, "text") != null) {
                        if (textContent == null) {
                            textContent = new StringBuilder();
                        } else {
                            textContent.append('\n');
                        }
                        textContent.append(text(part, "text"));
                    } else {
                        media++;
                    }
                }
            }
            List<ToolCall> calls = new ArrayList<>();
            JsonNode toolCalls = present(m, "tool_calls");
            if (toolCalls != null && toolCalls.isArray()) {
                for (JsonNode c : toolCalls) {
                    JsonNode fn = c.path("function");
                    calls.add(new ToolCall(text(c, "id"), text(fn, "name"), text(fn, "arguments")));
                }
            }
            String reasoning = text(m, "reasoning_content") != null ? text(m, "reasoning_content")
                    : text(m, "reasoning");
            out.add(new ChatMessage(role, textContent == null ? null : textContent.toString(), media, calls,
                    text(m, "tool_call_id"), text(m, "name"), reasoning));
        }
        return out;
    }

    private static List<ToolDefinition> tools(JsonNode array) {
        List<ToolDefinition> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode t : array) {
            JsonNode fn = t.path("function");
            String name = text(fn, "name");
            if (name != null) {
                JsonNode params = present(fn, "parameters");
                out.add(new ToolDefinition(name, text(fn, "description"), params == null ? null : params.deepCopy()));
            }
        }
        return out;
    }

    private static ToolChoice toolChoice(JsonNode node) {
        if (node == null) {
            return ToolChoice.AUTO;
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                case "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
                default -> ToolChoice.AUTO;
            };
        }
        String name = text(node.path("function"), "name");
        return name == null ? ToolChoice.AUTO : new ToolChoice(ToolChoice.Mode.FUNCTION, name);
    }

    private static ResponseFormat responseFormat(JsonNode node) {
        if (node == null) {
            return null;
        }
        String type = text(node, "type");
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "json_object" -> new ResponseFormat(ResponseFormat.Type.JSON_OBJECT, null, null);
            case "json_schema" -> new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA,
                    node.path("json_schema").path("schema").deepCopy(), null);
            case "regex" -> new ResponseFormat(ResponseFormat.Type.REGEX, null, text(node, "schema"));
            default -> new ResponseFormat(ResponseFormat.Type.TEXT, null, null);
        };
    }

    private Map<String, Object> kwargs(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                Object value = mapper.convertValue(e.getValue(), Object.class);
                if (value != null) {
                    out.put(e.getKey(), value);
                }
            });
        }
        return out;
    }

    private static Map<String, Double> logitBias(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        return out;
    }
}
