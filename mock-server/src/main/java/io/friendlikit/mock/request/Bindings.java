package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolCall;
import io.friendlikit.mock.wire.ToolChoice;
import io.friendlikit.mock.wire.ToolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converters from a member of the body to the value a {@link io.friendlikit.mock.wire.ChatRequest} holds. They
 * trust the validator for types; a member of a wrong type (possible only when a fault switched validation off)
 * reads as absent rather than failing.
 */
final class Bindings {

    private Bindings() {
    }

    /** The member, or null when absent or JSON null. */
    static JsonNode present(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static String text(JsonNode node, String field) {
        return text(present(node, field));
    }

    static boolean bool(JsonNode value, boolean dflt) {
        return value != null && value.isBoolean() ? value.asBoolean() : dflt;
    }

    static double number(JsonNode value, double dflt) {
        return value != null && value.isNumber() ? value.asDouble() : dflt;
    }

    /** An integer clamped to the {@code int} range, or null. */
    static Integer integer(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value.asLong()));
    }

    /** Keeps a value inside the range even when validation was switched off, so no request exhausts the mock. */
    static Integer clamp(Integer value, Range range) {
        if (value == null) {
            return null;
        }
        int out = value;
        if (range.min() != null) {
            out = Math.max(out, range.min().intValueExact() + (range.minInclusive() ? 0 : 1));
        }
        if (range.max() != null) {
            out = Math.min(out, range.max().intValueExact() - (range.maxInclusive() ? 0 : 1));
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
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

    static List<Long> longs(JsonNode array) {
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

    static List<Long> seeds(JsonNode seed) {
        if (seed == null) {
            return null;
        }
        if (seed.isNumber()) {
            return List.of(seed.asLong());
        }
        List<Long> list = longs(seed);
        return list.isEmpty() ? null : list;
    }

    static boolean includeUsage(JsonNode streamOptions) {
        return streamOptions != null && streamOptions.path("include_usage").asBoolean(false);
    }

    static List<ChatMessage> messages(JsonNode array) {
        List<ChatMessage> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode m : array) {
            if (m.isObject()) {
                out.add(message(m));
            }
        }
        return out;
    }

    private static ChatMessage message(JsonNode m) {
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
        return new ChatMessage(text(m, "role"), textContent == null ? null : textContent.toString(), media, calls,
                text(m, "tool_call_id"), text(m, "name"), reasoning);
    }

    static List<ToolDefinition> tools(JsonNode array) {
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

    static ToolChoice toolChoice(JsonNode node) {
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

    static ResponseFormat responseFormat(JsonNode node) {
        String type = text(node, "type");
        if (node == null || type == null) {
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

    static Map<String, Object> kwargs(JsonNode node, ObjectMapper mapper) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                Object value = mapper.convertValue(e.getValue(), Object.class);
                if (value != null) {
                    out.put(e.getKey(), value);
                }
            });
        }
        return out;
    }

    static Map<String, Double> logitBias(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asDouble());
                }
            });
        }
        return out;
    }
}
