package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;

/**
 * Random JSON Schemas within Friendli's supported subset (docs/api-notes.md §7) plus the keywords the generator claims
 * for tool parameters: basic types, required, enum/const, anyOf, oneOf over distinct types, allOf of objects,
 * local $ref into $defs or definitions, integer and number bounds, string length, pattern and formats, arrays
 * with minItems/maxItems. Every schema produced is satisfiable.
 */
final class RandomSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FORMATS = List.of("uuid", "date-time", "date", "time", "email", "uri");
    private static final List<String> PATTERNS = List.of(
            "^[a-z]{2,6}$", "[A-Z][a-z]+", "^\\d{3}-\\d{2}$", "^(foo|bar)[0-9]?$", "x+y*", "^[A-F0-9]{4}(:[A-F0-9]{4})*$");
    private static final List<String> NAMES = List.of(
            "city", "count", "unit", "items", "when", "id", "note", "score", "flag", "tags", "owner", "range");

    private final Random random;
    private final ObjectNode defs = NODES.objectNode();
    private final String defsKeyword;

    private RandomSchemas(long seed) {
        this.random = new Random(seed);
        this.defsKeyword = random.nextBoolean() ? "$defs" : "definitions";
    }

    /** An object schema (the shape of tool parameters and of most json_schema formats). */
    static ObjectNode objectSchema(long seed) {
        RandomSchemas r = new RandomSchemas(seed);
        int defCount = r.random.nextInt(3);
        for (int i = 0; i < defCount; i++) {
            r.defs.set("d" + i, r.schema(2));
        }
        ObjectNode root = r.object(3);
        if (!r.defs.isEmpty()) {
            root.set(r.defsKeyword, r.defs);
        }
        return root;
    }

    private ObjectNode schema(int depth) {
        int kind = random.nextInt(depth > 0 ? 14 : 9);
        switch (kind) {
            case 0:
            case 1:
                return string();
            case 2:
                return integer();
            case 3:
                return number();
            case 4:
                return type("boolean");
            case 5:
                return random.nextBoolean() ? type("null") : nullable();
            case 6:
                return constant();
            case 7:
                return enumeration();
            case 8:
                return defs.isEmpty() ? string() : ref();
            case 9:
            case 10:
                return object(depth - 1);
            case 11:
                return array(depth - 1);
            case 12:
                return anyOf(depth - 1);
            default:
                return random.nextBoolean() ? oneOf(depth - 1) : allOf(depth - 1);
        }
    }

    private static ObjectNode type(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("type", type);
        return node;
    }

    private ObjectNode nullable() {
        ObjectNode node = NODES.objectNode();
        ArrayNode types = node.putArray("type");
        types.add(random.nextBoolean() ? "string" : "integer");
        types.add("null");
        return node;
    }

    private ObjectNode string() {
        ObjectNode node = type("string");
        switch (random.nextInt(4)) {
            case 0:
                node.put("format", FORMATS.get(random.nextInt(FORMATS.size())));
                break;
            case 1:
                node.put("pattern", PATTERNS.get(random.nextInt(PATTERNS.size())));
                break;
            case 2:
                int min = random.nextInt(10);
                node.put("minLength", min);
                if (random.nextBoolean()) {
                    node.put("maxLength", min + random.nextInt(5));
                }
                break;
            default:
                break;
        }
        return node;
    }

    private ObjectNode integer() {
        ObjectNode node = type("integer");
        long lo = random.nextInt(2000) - 1000;
        long hi = lo + 2 + random.nextInt(50);
        if (random.nextBoolean()) {
            node.put(random.nextBoolean() ? "minimum" : "exclusiveMinimum", lo);
        }
        if (random.nextBoolean()) {
            node.put(random.nextBoolean() ? "maximum" : "exclusiveMaximum", hi);
        }
        if (random.nextInt(5) == 0) {
            // Only inclusive bounds at least 12 apart, so the schema always has a multiple in range.
            node.remove("exclusiveMinimum");
            node.remove("exclusiveMaximum");
            node.put("multipleOf", 1 + random.nextInt(3));
            node.put("minimum", lo);
            node.put("maximum", hi + 10);
        }
        return node;
    }

    private ObjectNode number() {
        ObjectNode node = type("number");
        double lo = (random.nextInt(20000) - 10000) / 100.0;
        if (random.nextBoolean()) {
            node.put("minimum", lo);
        }
        if (random.nextBoolean()) {
            node.put("maximum", lo + 0.5 + random.nextInt(100));
        }
        return node;
    }

    private ObjectNode constant() {
        ObjectNode node = NODES.objectNode();
        switch (random.nextInt(4)) {
            case 0:
                node.put("const", NAMES.get(random.nextInt(NAMES.size())));
                break;
            case 1:
                node.put("const", random.nextInt(100));
                break;
            case 2:
                node.put("const", random.nextBoolean());
                break;
            default:
                node.putNull("const");
                break;
        }
        return node;
    }

    private ObjectNode enumeration() {
        ObjectNode node = NODES.objectNode();
        ArrayNode values = node.putArray("enum");
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0:
                    values.add(NAMES.get(i * 2 + random.nextInt(2)));
                    break;
                case 1:
                    values.add(i * 10 + random.nextInt(10));
                    break;
                case 2:
                    values.add(i % 2 == 0);
                    break;
                default:
                    values.addNull();
                    break;
            }
        }
        return node;
    }

    private ObjectNode ref() {
        ObjectNode node = NODES.objectNode();
        List<String> names = new java.util.ArrayList<>();
        defs.fieldNames().forEachRemaining(names::add);
        node.put("$ref", "#/" + defsKeyword + "/" + names.get(random.nextInt(names.size())));
        return node;
    }

    private ObjectNode object(int depth) {
        ObjectNode node = type("object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = NAMES.get(random.nextInt(NAMES.size())) + i;
            properties.set(name, schema(Math.max(0, depth)));
            if (random.nextInt(3) > 0) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        if (random.nextBoolean()) {
            node.put("additionalProperties", false);
        }
        return node;
    }

    private ObjectNode array(int depth) {
        ObjectNode node = type("array");
        node.set("items", schema(Math.max(0, depth)));
        int min = random.nextInt(2);
        if (random.nextBoolean()) {
            node.put("minItems", min);
        }
        if (random.nextBoolean()) {
            node.put("maxItems", min + random.nextInt(3));
        }
        return node;
    }

    private ObjectNode anyOf(int depth) {
        ObjectNode node = NODES.objectNode();
        ArrayNode branches = node.putArray("anyOf");
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            branches.add(schema(Math.max(0, depth)));
        }
        return node;
    }

    private ObjectNode oneOf(int depth) {
        ObjectNode node = NODES.objectNode();
        ArrayNode branches = node.putArray("oneOf");
        List<String> types = new java.util.ArrayList<>(List.of("string", "integer", "boolean", "null", "object"));
        java.util.Collections.shuffle(types, random);
        for (String t : types.subList(0, 2)) {
            branches.add(t.equals("object") ? object(Math.max(0, depth)) : type(t));
        }
        return node;
    }

    /** The object schema with every property name suffixed, so that allOf branches never conflict. */
    private static ObjectNode renamed(ObjectNode object, String suffix) {
        ObjectNode properties = NODES.objectNode();
        object.get("properties").fields().forEachRemaining(e -> properties.set(e.getKey() + suffix, e.getValue()));
        object.set("properties", properties);
        if (object.has("required")) {
            ArrayNode required = NODES.arrayNode();
            object.get("required").forEach(n -> required.add(n.asText() + suffix));
            object.set("required", required);
        }
        return object;
    }

    private ObjectNode allOf(int depth) {
        ObjectNode node = NODES.objectNode();
        ArrayNode branches = node.putArray("allOf");
        ObjectNode first = object(Math.max(0, depth));
        first.remove("additionalProperties");
        ObjectNode second = renamed(object(Math.max(0, depth)), "b");
        second.remove("additionalProperties");
        branches.add(first);
        branches.add(second);
        return node;
    }
}
