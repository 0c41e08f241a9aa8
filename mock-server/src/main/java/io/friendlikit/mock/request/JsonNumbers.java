package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * How the request reads JSON numbers. A number is an integer when it is an integral literal that fits a signed
 * 64-bit {@code long} ({@code 3}, {@code -1}), or a floating literal whose value is integral and fits a
 * {@code long} ({@code 2.0}, {@code 1e3}). Non-integral values ({@code 1.5}) are type violations; integral values
 * outside the {@code long} range are range violations. This mirrors a protobuf JSON parser, which accepts
 * {@code 2.0} for an integer field but not {@code 2.5}.
 */
public final class JsonNumbers {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** What {@link #integerStatus(JsonNode)} found. */
    public enum IntegerStatus { INTEGER, NOT_A_NUMBER, NOT_INTEGRAL, OUT_OF_LONG_RANGE }

    private JsonNumbers() {
    }

    public static boolean isFiniteNumber(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue());
        }
        return true;
    }

    public static IntegerStatus integerStatus(JsonNode node) {
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
    public static BigDecimal decimal(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return BigDecimal.valueOf(node.doubleValue());
        }
        if (node.isInt() || node.isLong()) {
            return BigDecimal.valueOf(node.longValue());
        }
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        return node.decimalValue();
    }
}
