package io.friendlikit.mock.validation;

import io.friendlikit.mock.validation.Violation.Codes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regex of {@code response_format {"type":"regex"}}: it must compile with {@link java.util.regex} and
 * avoid the constructs docs/api-notes.md §4.1 rule 12 excludes. The scan understands escapes,
 * {@code \Q...\E} quoting and (nested) character classes, so {@code \^}, {@code [^a]} and {@code [$]} are not
 * flagged.
 *
 * <p>Flagged outside a character class: anchors {@code ^ $ \A \z \Z \G \b \B}; look-arounds
 * {@code (?= (?! (?<= (?<!}; back-references {@code \1}...{@code \9}, {@code \k<name>}. Flagged anywhere:
 * {@code \N}, {@code \p}, {@code \P}. Each distinct construct is reported once, at its first index.
 */
final class RegexRestrictions {

    private RegexRestrictions() {
    }

    static void check(String path, String regex, Walk walk) {
        if (!compiles(path, regex, walk)) {
            return;
        }
        for (Map.Entry<String, Integer> found : scan(regex).entrySet()) {
            String construct = found.getKey();
            walk.add(path, path + " must not use " + kind(construct) + " '" + construct + "' (at index "
                    + found.getValue() + ")", Codes.INVALID_VALUE, RuleId.RF_REGEX);
        }
    }

    private static boolean compiles(String path, String regex, Walk walk) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            walk.add(path, path + " is not a valid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex(), Codes.INVALID_VALUE, RuleId.RF_REGEX);
        } catch (StackOverflowError | RuntimeException e) {
            // java.util.regex compiles recursively; absurd nesting must not take the validator down
            walk.add(path, path + " is not a valid regular expression: too complex to compile",
                    Codes.INVALID_VALUE, RuleId.RF_REGEX);
        }
        return false;
    }

    /** Distinct excluded constructs in order of first appearance, with their index. */
    static Map<String, Integer> scan(String regex) {
        Map<String, Integer> found = new LinkedHashMap<>();
        int classDepth = 0;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(i + 1);
                if (e == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2;
                    continue;
                }
                if (e == 'N' || e == 'p' || e == 'P') {
                    found.putIfAbsent("\\" + e, i);
                } else if (classDepth == 0 && "AzZGbB".indexOf(e) >= 0) {
                    found.putIfAbsent("\\" + e, i);
                } else if (classDepth == 0 && e >= '1' && e <= '9') {
                    found.putIfAbsent("\\" + e, i);
                } else if (classDepth == 0 && e == 'k') {
                    found.putIfAbsent("\\k", i);
                }
                i += 2;
                continue;
            }
            if (classDepth > 0) {
                if (c == '[') {
                    classDepth++;
                } else if (c == ']') {
                    classDepth--;
                }
                i++;
                continue;
            }
            if (c == '[') {
                classDepth = 1;
                i++;
                // a ']' right after '[' or '[^' is a literal member of the class
                if (i < n && regex.charAt(i) == '^') {
                    i++;
                }
                if (i < n && regex.charAt(i) == ']') {
                    i++;
                }
                continue;
            }
            if (c == '^' || c == '$') {
                found.putIfAbsent(String.valueOf(c), i);
            } else if (c == '(' && regex.startsWith("(?=", i)) {
                found.putIfAbsent("(?=", i);
            } else if (c == '(' && regex.startsWith("(?!", i)) {
                found.putIfAbsent("(?!", i);
            } else if (c == '(' && regex.startsWith("(?<=", i)) {
                found.putIfAbsent("(?<=", i);
            } else if (c == '(' && regex.startsWith("(?<!", i)) {
                found.putIfAbsent("(?<!", i);
            }
            i++;
        }
        return found;
    }

    private static String kind(String construct) {
        if (construct.startsWith("(?")) {
            return "look-around";
        }
        if (construct.equals("\\N") || construct.equals("\\p") || construct.equals("\\P")) {
            return "the unsupported escape";
        }
        if (construct.equals("\\k") || Character.isDigit(construct.charAt(construct.length() - 1))) {
            return "the back-reference";
        }
        return "the anchor";
    }
}
