package io.friendlikit.mock.validation;

import java.math.BigDecimal;

/**
 * A numeric interval with open or closed ends; a null end is unbounded.
 *
 * @param text how the message shows it: {@code in (0, 1]} or {@code >= 1}
 */
record Range(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, String text) {

    /** [min, max] */
    static Range closed(String min, String max) {
        return new Range(new BigDecimal(min), true, new BigDecimal(max), true, "in [" + min + ", " + max + "]");
    }

    /** (min, max] */
    static Range openClosed(String min, String max) {
        return new Range(new BigDecimal(min), false, new BigDecimal(max), true, "in (" + min + ", " + max + "]");
    }

    /** >= min */
    static Range atLeast(String min) {
        return new Range(new BigDecimal(min), true, null, false, ">= " + min);
    }

    /** > min */
    static Range greaterThan(String min) {
        return new Range(new BigDecimal(min), false, null, false, "> " + min);
    }

    boolean contains(BigDecimal value) {
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
