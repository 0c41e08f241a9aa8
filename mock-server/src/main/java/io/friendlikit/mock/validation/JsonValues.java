package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Small, non-throwing readers of {@link JsonNode} values.
 *
 * <p>Integers: a JSON number is an integer when it is an integral literal that fits a signed 64-bit
 * {@code long} ({@code 3}, {@code -1}), or a floating literal whose value is integral and fits a
 * {@code long} ({@code 2.0}, {@code 1e3}). Non-integral values ({@code 1.5}) are type violations; integral
 * values outside the {@code long} range are range violations. This mirrors a protobuf JSON parser, which
 * accepts {@code 2.0} for an integer field but not {@code 2.5}.
 */
final class JsonValues {

    /** Values longer than this are not quoted in messages. */
    static final int MAX_SHOWN_LENGTH = 40;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    enum IntegerStatus { INTEGER, NOT_A_NUMBER, NOT_INTEGRAL, OUT_OF_LONG_RANGE }

    private JsonValues() {
    }

    static boolean isFiniteNumber(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue());
        }
        return true;
    }

    static IntegerStatus integerStatus(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return IntegerStatus.NOT_A_NUMBER;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? IntegerStatus.INTEGER : IntegerStatus.OUT_OF_LONG_RANGE;
        }
        if (!isFiniteNumber(node)) {
            return IntegerStatus.NOT_INTEGRAL;
        }
        BigDecimal value = decimal(node);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            return IntegerStatus.NOT_INTEGRAL;
        }
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            return IntegerStatus.OUT_OF_LONG_RANGE;
        }
        return IntegerStatus.INTEGER;
    }

    /** The exact value of a finite number node. Callers check {@link #isFiniteNumber} first. */
    static BigDecimal decimal(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return BigDecimal.valueOf(node.doubleValue());
        }
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        return node.decimalValue();
    }

    /** The value as a long, or null when it is not an integer per {@link #integerStatus}. */
    static Long longOrNull(JsonNode node) {
        if (integerStatus(node) != IntegerStatus.INTEGER) {
            return null;
        }
        return node.isIntegralNumber() ? node.longValue() : decimal(node).longValueExact();
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
