package io.friendlikit.mock.script;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Locale;

/**
 * A test on a piece of text: equal to, containing, or matching a regular expression (RE2 syntax, found anywhere
 * in the text unless anchored), optionally ignoring case. Regexes are compiled once, when the scenario is added,
 * and run by RE2/J in time linear in the text; the text looked at is cut to its first {@link #MAX_TEXT}
 * characters, so no request and no scenario can make matching slow.
 */
public record TextRule(Kind kind, String value, boolean ignoreCase, Pattern pattern) {

    /** Characters of a message, header or body value a rule looks at. */
    public static final int MAX_TEXT = 65_536;
    /** Longest regular expression accepted. */
    public static final int MAX_PATTERN = 1_000;

    public enum Kind { EQUALS, CONTAINS, REGEX }

    public static TextRule equalTo(String value, boolean ignoreCase) {
        return new TextRule(Kind.EQUALS, value, ignoreCase, null);
    }

    public static TextRule containing(String value, boolean ignoreCase) {
        return new TextRule(Kind.CONTAINS, value, ignoreCase, null);
    }

    /**
     * @param member the member holding the expression, named in the error
     * @throws InvalidMember when the expression is too long or does not compile
     */
    public static TextRule matching(String member, String regex, boolean ignoreCase) {
        if (regex.length() > MAX_PATTERN) {
            throw new InvalidMember(member, "a regular expression of at most " + MAX_PATTERN + " characters, got "
                    + regex.length());
        }
        try {
            return new TextRule(Kind.REGEX, regex, ignoreCase,
                    Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            throw new InvalidMember(member, "not a valid regular expression (RE2 syntax): " + e.getDescription()
                    + " in '" + e.getPattern() + "'");
        }
    }

    /** Whether {@code text} passes; a missing text (null) never does. */
    public boolean test(String text) {
        if (text == null) {
            return false;
        }
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return switch (kind) {
            case REGEX -> pattern.matcher(t).find();
            case EQUALS -> ignoreCase ? t.equalsIgnoreCase(value) : t.equals(value);
            case CONTAINS -> ignoreCase ? t.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))
                    : t.contains(value);
        };
    }
}
