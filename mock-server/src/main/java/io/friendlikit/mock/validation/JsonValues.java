package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.request.JsonNumbers;

/** Small, non-throwing readers of {@link JsonNode} values for messages ("got ..."). */
final class JsonValues {

    /** Values longer than this are not quoted in messages. */
    static final int MAX_SHOWN_LENGTH = 40;

    private JsonValues() {
    }

    /** The value as a long, or null when it is not an integer per {@link JsonNumbers#integerStatus}. */
    static Long longOrNull(JsonNode node) {
        if (JsonNumbers.integerStatus(node) != JsonNumbers.IntegerStatus.INTEGER) {
            return null;
        }
        return node.isIntegralNumber() ? node.longValue() : JsonNumbers.decimal(node).longValueExact();
    }

    /** The JSON type name used after "got": string, number, boolean, object, array, null. */
    static String typeName(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What a type violation says after "got": the literal of a number (so that {@code 1.5} for an integer
     * field is shown), the type name otherwise.
     */
    static String describeForType(JsonNode node) {
        return node != null && node.isNumber() ? numberText(node) : typeName(node);
    }

    /** A number's literal, shortened when long. Never serialises containers (deep trees must not recurse). */
    static String numberText(JsonNode node) {
        return shorten(node.asText());
    }

    /** A string value in single quotes, or "a string of N characters" when long. */
    static String quoted(String text) {
        if (text.length() > MAX_SHOWN_LENGTH) {
            return "a string of " + text.length() + " characters";
        }
        return "'" + text + "'";
    }

    /** A scalar value for "got ...": numbers as literals, strings quoted, others by type name. */
    static String describeValue(JsonNode node) {
        if (node != null && node.isTextual()) {
            return quoted(node.textValue());
        }
        if (node != null && node.isBoolean()) {
            return node.asText();
        }
        return describeForType(node);
    }

    private static String shorten(String text) {
        return text.length() > MAX_SHOWN_LENGTH ? text.substring(0, MAX_SHOWN_LENGTH - 3) + "..." : text;
    }
}
