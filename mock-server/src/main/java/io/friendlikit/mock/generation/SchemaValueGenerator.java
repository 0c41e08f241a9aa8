package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws a JSON value that satisfies a JSON Schema, for tool-call arguments and {@code json_schema} output.
 *
 * <p>Understood: {@code type} (one or a list; inferred from the keywords when absent), {@code const},
 * {@code enum}, {@code properties} and {@code required} (required always present, optional ones drawn by the
 * PRNG, {@code minProperties} honoured from the declared properties; no property outside {@code properties} is
 * ever emitted, as if {@code additionalProperties} were false), {@code items}, {@code prefixItems},
 * {@code minItems}, {@code maxItems}, {@code uniqueItems} (best effort), {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code exclusiveMaximum} (numeric and draft-4 boolean forms), {@code multipleOf},
 * {@code minLength}, {@code maxLength}, {@code pattern} (via rgxgen, checked with java.util.regex),
 * {@code format} date-time, date, time, uuid, email, uri, uri-reference, hostname, ipv4, ipv6,
 * {@code anyOf}/{@code oneOf} (one branch drawn, merged with the sibling keywords; a oneOf value is not checked
 * against the other branches), {@code allOf} (branches merged: properties joined, a property declared by several
 * branches must satisfy all of them, required united, other keywords overwritten by later branches), local {@code $ref} ({@code #/$defs/..}, {@code #/definitions/..}, any JSON pointer into the root;
 * keywords next to {@code $ref} are ignored). Ignored: {@code not}, {@code if}/{@code then}/{@code else},
 * {@code contains}, {@code patternProperties}, {@code dependentRequired} and other keywords. Beyond a nesting of
 * {@value #SOFT_DEPTH} only required properties and minItems elements are produced; beyond {@value #HARD_DEPTH}
 * the value is null (a recursive schema that requires itself has no finite instance).
 */
final class SchemaValueGenerator {

    static final int SOFT_DEPTH = 5;
    static final int HARD_DEPTH = 24;
    private static final int EXTRA_ITEMS = 3;
    /**
     * Caps on what a schema may demand (minItems, minLength): no model answer is longer than its output cap, so
     * larger demands are produced only up to these sizes and the answer is then cut by max_tokens anyway.
     */
    static final int MAX_ITEMS = 4_096;
    static final int MAX_STRING_LENGTH = 65_536;
    /**
     * Rough size (characters of string values plus one per value) one generated document may reach. Far more than
     * any max_tokens lets through; it stops schemas such as nested arrays with huge minItems from exhausting
     * memory before the cut. A document that reaches it is left short (and is then cut by max_tokens anyway).
     */
    static final int MAX_OUTPUT_SIZE = 262_144;
    private static final long DEFAULT_SPAN = 100;
    private static final double NUMBER_LIMIT = 1e12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final SplittableRandom rng;
    private final List<String> hints;
    private long remaining = MAX_OUTPUT_SIZE;

    /**
     * @param root  the schema (its local references resolve against it)
     * @param hints words from the user's message that plain strings may reuse (e.g. "Paris")
     */
    SchemaValueGenerator(JsonNode root, SplittableRandom rng, List<String> hints) {
        this.root = root;
        this.rng = rng;
        this.hints = List.copyOf(hints);
    }

    JsonNode generate() {
        return value(root, 0);
    }

    private JsonNode value(JsonNode schema, int depth) {
        remaining--;
        if (depth > HARD_DEPTH) {
            return NODES.nullNode();
        }
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return NODES.textNode(plainString(0, 24));
        }
        if (schema.isBoolean()) {
            return schema.booleanValue() ? NODES.textNode(plainString(0, 24)) : NODES.nullNode();
        }
        if (!schema.isObject()) {
            return NODES.textNode(plainString(0, 24));
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            return value(resolve(ref.asText()), depth + 1);
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray() && !allOf.isEmpty()) {
            ObjectNode merged = without(schema, "allOf");
            for (JsonNode branch : allOf) {
                merged = merge(merged, dereference(branch));
            }
            return value(merged, depth + 1);
        }
        JsonNode constant = schema.get("const");
        if (constant != null) {
            return constant.deepCopy();
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.isArray() && !enumeration.isEmpty()) {
            return enumeration.get(rng.nextInt(enumeration.size())).deepCopy();
        }
        for (String keyword : new String[] {"anyOf", "oneOf"}) {
            JsonNode branches = schema.get(keyword);
            if (branches != null && branches.isArray() && !branches.isEmpty()) {
                JsonNode branch = dereference(branches.get(rng.nextInt(branches.size())));
                return value(merge(without(schema, keyword), branch), depth + 1);
            }
        }
        switch (type(schema)) {
            case "object":
                return object(schema, depth);
            case "array":
                return array(schema, depth);
            case "integer":
                return integer(schema);
            case "number":
                return number(schema);
            case "boolean":
                return NODES.booleanNode(rng.nextBoolean());
            case "null":
                return NODES.nullNode();
            default:
                return NODES.textNode(string(schema));
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = ref.length() == 1 ? root : root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    /** Follows $ref chains (bounded) so that branches can be merged as plain schemas. */
    private JsonNode dereference(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 16 && current != null && current.isObject() && current.has("$ref"); i++) {
            current = resolve(current.get("$ref").asText());
        }
        return current;
    }

    private static ObjectNode without(JsonNode schema, String keyword) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove(keyword);
        return copy;
    }

    private static ObjectNode merge(ObjectNode base, JsonNode branch) {
        if (branch == null || !branch.isObject()) {
            return base;
        }
        ObjectNode merged = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = branch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = merged.get(e.getKey());
            if (e.getKey().equals("properties") && existing != null && existing.isObject() && e.getValue().isObject()) {
                ObjectNode properties = (ObjectNode) existing;
                for (Iterator<Map.Entry<String, JsonNode>> p = e.getValue().fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = p.next();
                    JsonNode earlier = properties.get(property.getKey());
                    if (earlier == null) {
                        properties.set(property.getKey(), property.getValue().deepCopy());
                    } else { // both branches constrain the property: it must satisfy both
                        ObjectNode both = NODES.objectNode();
                        both.putArray("allOf").add(earlier).add(property.getValue().deepCopy());
                        properties.set(property.getKey(), both);
                    }
                }
            } else if (e.getKey().equals("required") && existing != null && existing.isArray()
                    && e.getValue().isArray()) {
                Set<String> names = new LinkedHashSet<>();
                existing.forEach(n -> names.add(n.asText()));
                e.getValue().forEach(n -> names.add(n.asText()));
                ArrayNode required = NODES.arrayNode();
                names.forEach(required::add);
                merged.set("required", required);
            } else {
                merged.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return merged;
    }

    private String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray() && !type.isEmpty()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            if (types.size() > 1 && types.contains("null") && rng.nextInt(5) > 0) {
                types.remove("null");
            }
            return types.get(rng.nextInt(types.size()));
        }
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")
                || schema.has("minProperties")) {
            return "object";
        }
        if (schema.has("items") || schema.has("prefixItems") || schema.has("minItems") || schema.has("maxItems")) {
            return "array";
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("exclusiveMinimum")
                || schema.has("exclusiveMaximum") || schema.has("multipleOf")) {
            return "number";
        }
        return "string";
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode out = NODES.objectNode();
        Set<String> required = new LinkedHashSet<>();
        JsonNode requiredNode = schema.get("required");
        if (requiredNode != null && requiredNode.isArray()) {
            requiredNode.forEach(n -> required.add(n.asText()));
        }
        JsonNode properties = schema.get("properties");
        List<String> skipped = new ArrayList<>();
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean include = required.contains(e.getKey()) || (depth < SOFT_DEPTH && rng.nextBoolean());
                if (include) {
                    out.set(e.getKey(), value(e.getValue(), depth + 1));
                } else {
                    skipped.add(e.getKey());
                }
            }
            int minProperties = schema.path("minProperties").asInt(0);
            for (int i = 0; out.size() < minProperties && i < skipped.size(); i++) {
                out.set(skipped.get(i), value(properties.get(skipped.get(i)), depth + 1));
            }
        }
        for (String name : required) {
            if (!out.has(name)) {
                JsonNode additional = schema.get("additionalProperties");
                out.set(name, value(additional != null && additional.isObject() ? additional : null, depth + 1));
            }
        }
        return out;
    }

    private JsonNode array(JsonNode schema, int depth) {
        int minItems = Math.max(0, Math.min(MAX_ITEMS, schema.path("minItems").asInt(0)));
        int maxItems = schema.has("maxItems") ? schema.get("maxItems").asInt() : Integer.MAX_VALUE;
        int upper = Math.max(minItems, Math.min(maxItems, minItems + EXTRA_ITEMS));
        int count = depth < SOFT_DEPTH ? rng.nextInt(minItems, upper + 1) : minItems;
        JsonNode prefix = schema.get("prefixItems");
        JsonNode items = schema.get("items");
        if (items != null && items.isArray()) { // draft-4 tuple form
            prefix = items;
            items = schema.get("additionalItems");
        }
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        ArrayNode out = NODES.arrayNode();
        Set<JsonNode> seen = new java.util.HashSet<>();
        for (int i = 0; i < count && remaining > 0; i++) {
            JsonNode itemSchema;
            if (prefix != null && prefix.isArray() && i < prefix.size()) {
                itemSchema = prefix.get(i);
            } else if (items != null && items.isBoolean() && !items.booleanValue()) {
                break;
            } else {
                itemSchema = items;
            }
            JsonNode element = value(itemSchema, depth + 1);
            for (int retry = 0; unique && seen.contains(element) && retry < 8; retry++) {
                element = value(itemSchema, depth + 1);
            }
            seen.add(element);
            out.add(element);
        }
        return out;
    }

    private JsonNode integer(JsonNode schema) {
        Bounds b = bounds(schema);
        BigInteger lo = b.min == null ? null
                : b.exclusiveMin ? floor(b.min).add(BigInteger.ONE) : ceil(b.min);
        BigInteger hi = b.max == null ? null
                : b.exclusiveMax ? ceil(b.max).subtract(BigInteger.ONE) : floor(b.max);
        if (lo == null && hi == null) {
            lo = BigInteger.ZERO;
        }
        if (lo == null) {
            lo = hi.subtract(BigInteger.valueOf(DEFAULT_SPAN));
        }
        if (hi == null) {
            hi = lo.add(BigInteger.valueOf(DEFAULT_SPAN));
        }
        BigDecimal multipleOf = decimal(schema.get("multipleOf"));
        if (multipleOf != null && multipleOf.signum() > 0) {
            BigDecimal first = new BigDecimal(lo).divide(multipleOf, 0, RoundingMode.CEILING);
            BigDecimal last = new BigDecimal(hi).divide(multipleOf, 0, RoundingMode.FLOOR);
            BigDecimal k = pickBetween(first.toBigInteger(), last.toBigInteger());
            BigDecimal v = k.multiply(multipleOf);
            if (v.stripTrailingZeros().scale() <= 0) {
                return NODES.numberNode(v.toBigIntegerExact());
            }
        }
        return NODES.numberNode(pickBetween(lo, hi).toBigInteger());
    }

    /** A uniformly drawn integer in [lo, hi], capped to a span of 2^62; lo when the range is empty. */
    private BigDecimal pickBetween(BigInteger lo, BigInteger hi) {
        if (hi.compareTo(lo) <= 0) {
            return new BigDecimal(lo);
        }
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        long bound = span.bitLength() > 62 ? Long.MAX_VALUE : span.longValue();
        return new BigDecimal(lo.add(BigInteger.valueOf(rng.nextLong(bound))));
    }

    private JsonNode number(JsonNode schema) {
        Bounds b = bounds(schema);
        BigDecimal multipleOf = decimal(schema.get("multipleOf"));
        if (multipleOf != null && multipleOf.signum() > 0) {
            BigDecimal lo = b.min == null ? BigDecimal.ZERO : b.min;
            BigDecimal hi = b.max == null ? lo.add(multipleOf.multiply(BigDecimal.valueOf(DEFAULT_SPAN))) : b.max;
            if (b.min == null && b.max != null) {
                lo = hi.subtract(multipleOf.multiply(BigDecimal.valueOf(DEFAULT_SPAN)));
            }
            BigInteger first = lo.divide(multipleOf, 0, RoundingMode.CEILING).toBigInteger();
            BigInteger last = hi.divide(multipleOf, 0, RoundingMode.FLOOR).toBigInteger();
            if (b.exclusiveMin && new BigDecimal(first).multiply(multipleOf).compareTo(lo) == 0) {
                first = first.add(BigInteger.ONE);
            }
            if (b.exclusiveMax && new BigDecimal(last).multiply(multipleOf).compareTo(hi) == 0) {
                last = last.subtract(BigInteger.ONE);
            }
            BigDecimal v = pickBetween(first, last).multiply(multipleOf).stripTrailingZeros();
            return v.scale() <= 0 ? NODES.numberNode(v.toBigIntegerExact()) : NODES.numberNode(v);
        }
        double lo = b.min == null ? Double.NaN : clamp(b.min.doubleValue());
        double hi = b.max == null ? Double.NaN : clamp(b.max.doubleValue());
        if (Double.isNaN(lo) && Double.isNaN(hi)) {
            lo = 0;
        }
        if (Double.isNaN(lo)) {
            lo = hi - DEFAULT_SPAN;
        }
        if (Double.isNaN(hi)) {
            hi = lo + DEFAULT_SPAN;
        }
        double raw = lo + rng.nextDouble() * (hi - lo);
        double rounded = Math.round(raw * 100) / 100.0;
        for (double candidate : new double[] {rounded, raw, (lo + hi) / 2}) {
            if (within(candidate, b)) {
                return NODES.numberNode(candidate);
            }
        }
        return NODES.numberNode(lo);
    }

    private static boolean within(double v, Bounds b) {
        BigDecimal d = BigDecimal.valueOf(v);
        if (b.min != null && (b.exclusiveMin ? d.compareTo(b.min) <= 0 : d.compareTo(b.min) < 0)) {
            return false;
        }
        return b.max == null || (b.exclusiveMax ? d.compareTo(b.max) < 0 : d.compareTo(b.max) <= 0);
    }

    private static double clamp(double v) {
        return Math.max(-NUMBER_LIMIT, Math.min(NUMBER_LIMIT, v));
    }

    private record Bounds(BigDecimal min, boolean exclusiveMin, BigDecimal max, boolean exclusiveMax) {
    }

    /** The tightest lower and upper bounds, from both the numeric and the draft-4 boolean exclusive forms. */
    private static Bounds bounds(JsonNode schema) {
        BigDecimal min = decimal(schema.get("minimum"));
        BigDecimal max = decimal(schema.get("maximum"));
        boolean exMin = schema.path("exclusiveMinimum").isBoolean() && schema.get("exclusiveMinimum").asBoolean();
        boolean exMax = schema.path("exclusiveMaximum").isBoolean() && schema.get("exclusiveMaximum").asBoolean();
        BigDecimal exclusiveMin = decimal(schema.get("exclusiveMinimum"));
        BigDecimal exclusiveMax = decimal(schema.get("exclusiveMaximum"));
        if (exclusiveMin != null && (min == null || exclusiveMin.compareTo(min) >= 0)) {
            min = exclusiveMin;
            exMin = true;
        }
        if (exclusiveMax != null && (max == null || exclusiveMax.compareTo(max) <= 0)) {
            max = exclusiveMax;
            exMax = true;
        }
        return new Bounds(min, exMin, max, exMax);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static BigInteger floor(BigDecimal d) {
        return d.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    private static BigInteger ceil(BigDecimal d) {
        return d.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }

    private String string(JsonNode schema) {
        int minLength = Math.max(0, Math.min(MAX_STRING_LENGTH, schema.path("minLength").asInt(0)));
        int maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
        JsonNode format = schema.get("format");
        if (format != null && format.isTextual()) {
            String formatted = formatted(format.asText());
            if (formatted != null) {
                return formatted;
            }
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && pattern.isTextual()) {
            Optional<String> sample = RegexSampler.sample(pattern.asText(), false, rng, minLength, maxLength);
            if (sample.isPresent()) {
                return sample.get();
            }
        }
        return plainString(minLength, maxLength);
    }

    /** Words (or a hint from the user's message) cut or padded to a length within the bounds. */
    String plainString(int minLength, int maxLength) {
        if (!hints.isEmpty() && rng.nextInt(3) > 0) {
            String hint = hints.get(rng.nextInt(hints.size()));
            if (hint.length() >= minLength && hint.length() <= maxLength) {
                return hint;
            }
        }
        int target = Math.min(Math.max(rng.nextInt(4, 25), minLength), maxLength);
        target = (int) Math.max(0, Math.min(target, remaining));
        remaining -= target;
        StringBuilder sb = new StringBuilder();
        while (sb.length() < target) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(TextComposer.pick(rng, rng.nextBoolean() ? Vocabulary.ADJECTIVES : Vocabulary.NOUNS));
        }
        sb.setLength(target);
        if (target > 0 && sb.charAt(target - 1) == ' ') {
            sb.setCharAt(target - 1, 's');
        }
        return sb.toString();
    }

    private String formatted(String format) {
        switch (format) {
            case "date-time":
                return date() + "T" + time();
            case "date":
                return date();
            case "time":
                return time();
            case "uuid":
                return uuid();
            case "email":
                return TextComposer.pick(rng, Vocabulary.NOUNS) + "." + TextComposer.pick(rng, Vocabulary.NOUNS)
                        + "@example.com";
            case "uri":
            case "iri":
            case "uri-reference":
            case "iri-reference":
                return "https://example.com/" + TextComposer.pick(rng, Vocabulary.NOUNS);
            case "hostname":
            case "idn-hostname":
                return TextComposer.pick(rng, Vocabulary.NOUNS) + ".example.com";
            case "ipv4":
                return rng.nextInt(1, 224) + "." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.nextInt(1, 255);
            case "ipv6":
                return String.format("2001:db8::%x:%x", rng.nextInt(0x10000), rng.nextInt(0x10000));
            default:
                return null;
        }
    }

    private String date() {
        return String.format("%04d-%02d-%02d", rng.nextInt(2020, 2030), rng.nextInt(1, 13), rng.nextInt(1, 29));
    }

    private String time() {
        return String.format("%02d:%02d:%02dZ", rng.nextInt(24), rng.nextInt(60), rng.nextInt(60));
    }

    private String uuid() {
        long high = (rng.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (rng.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }
}
