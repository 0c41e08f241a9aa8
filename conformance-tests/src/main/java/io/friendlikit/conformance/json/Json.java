package io.friendlikit.conformance.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON helpers. Paths use the notation of the API's error {@code param}: {@code messages[0].content},
 * {@code stream_options.include_usage}.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " in: " + abbreviate(text), e);
        }
    }

    public static Optional<JsonNode> tryParse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The node at a path, or a MissingNode. */
    public static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        for (Object step : steps(path)) {
            if (current == null || current.isMissingNode()) {
                return MissingNode.getInstance();
            }
            current = step instanceof Integer index ? current.path(index) : current.path((String) step);
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** Sets the value at a path, creating objects and arrays on the way. */
    public static void set(ObjectNode root, String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode current = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            Object next = steps.get(i + 1);
            JsonNode child = step instanceof Integer index ? current.path(index) : current.path((String) step);
            if (child.isMissingNode() || child.isNull() || !(child.isContainerNode())) {
                child = next instanceof Integer ? MAPPER.createArrayNode() : MAPPER.createObjectNode();
                put(current, step, child);
            }
            current = child;
        }
        put(current, steps.get(steps.size() - 1), value);
    }

    /** Removes the value at a path, if present. */
    public static void remove(ObjectNode root, String path) {
        List<Object> steps = steps(path);
        JsonNode parent = steps.size() == 1 ? root : at(root, path.substring(0, lastSeparator(path)));
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.remove(name);
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.remove(index);
        }
    }

    private static int lastSeparator(String path) {
        return Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    }

    private static void put(JsonNode container, Object step, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set((String) step, value);
        } else if (container instanceof ArrayNode array) {
            int index = (Integer) step;
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        }
    }

    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                if (name.length() > 0) {
                    steps.add(name.toString());
                    name.setLength(0);
                }
            } else if (c == '[') {
                if (name.length() > 0) {
                    steps.add(name.toString());
                    name.setLength(0);
                }
                int close = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, close)));
                i = close;
            } else {
                name.append(c);
            }
        }
        if (name.length() > 0) {
            steps.add(name.toString());
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("empty JSON path");
        }
        return steps;
    }

    public static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }
}
