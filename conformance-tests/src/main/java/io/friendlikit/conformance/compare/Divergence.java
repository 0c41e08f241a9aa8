package io.friendlikit.conformance.compare;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One known difference, read from fixtures/divergences.json (or a comparison fixture).
 *
 * @param target  target kind it applies to: "mock", "live", "other" or "*" for every target
 * @param pointer JSON pointer; a segment "*" matches any single member or index
 * @param rule    what is checked at that pointer instead of equality
 * @param pattern regular expression the actual value must match (rule PATTERN only)
 * @param reason  one line saying why the difference is tolerated
 */
public record Divergence(String target, String pointer, Rule rule, Optional<Pattern> pattern, String reason) {

    public enum Rule {
        /** the value is not compared at all */
        IGNORE,
        /** both values must have the same JSON type */
        TYPE_ONLY,
        /** the actual value must be a string matching {@code pattern} */
        PATTERN;

        static Rule parse(String text) {
            return switch (text) {
                case "ignore" -> IGNORE;
                case "type-only" -> TYPE_ONLY;
                case "pattern" -> PATTERN;
                default -> throw new IllegalArgumentException("unknown divergence rule '" + text
                        + "' (expected ignore, type-only or pattern)");
            };
        }
    }

    public boolean appliesTo(String targetKind) {
        return target.equals("*") || target.equals(targetKind);
    }

    public boolean matches(String actualPointer) {
        String[] wanted = pointer.split("/", -1);
        String[] actual = actualPointer.split("/", -1);
        if (wanted.length != actual.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!wanted[i].equals("*") && !wanted[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
