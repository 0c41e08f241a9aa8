package io.friendlikit.mock.request;

import java.math.BigDecimal;

/**
 * A numeric interval with open or closed ends; a null end is unbounded.
 *
 * @param text how messages and the field table show it: {@code in (0, 1]} or {@code >= 1}
 */
public record Range(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, String text) {

    /** [min, max] */
    public static Range closed(String min, String max) {
        return new Range(new BigDecimal(min), true, new BigDecimal(max), true, "in [" + min + ", " + max + "]");
    }

    /** (min, max] */
    public static Range openClosed(String min, String max) {
        return new Range(new BigDecimal(min), false, new BigDecimal(max), true, "in (" + min + ", " + max + "]");
    }

    /** &gt;= min */
    public static Range atLeast(String min) {
        return new Range(new BigDecimal(min), true, null, false, ">= " + min);
    }

    /** &gt; min */
    public static Range greaterThan(String min) {
        return new Range(new BigDecimal(min), false, null, false, "> " + min);
    }

    public boolean contains(BigDecimal value) {
        if (min != null) {
            int c = value.compareTo(min);
            if (c < 0 || (c == 0 && !minInclusive)) {
                return false;
            }
        }
        if (max != null) {
            int c = value.compareTo(max);
            return c < 0 || (c == 0 && maxInclusive);
        }
        return true;
    }
}
