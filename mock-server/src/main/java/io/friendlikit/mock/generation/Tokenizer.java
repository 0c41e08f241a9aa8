package io.friendlikit.mock.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock's one tokenizer, used for prompts, generated text, structured output and tool-call arguments.
 *
 * <p>The scheme splits a text into consecutive, non-overlapping pieces whose concatenation is the text itself
 * (lossless), scanning left to right:
 * <ol>
 *   <li><b>Word</b>: a run of letters ({@link Character#isLetter(char)}), optionally preceded by one ASCII space
 *       that is then part of the token: {@code " hello"} is one token.</li>
 *   <li><b>Number</b>: ASCII digits in groups of at most three, left to right; the first group may carry one
 *       leading ASCII space: {@code " 12345"} is {@code " 123"}, {@code "45"}.</li>
 *   <li><b>Whitespace</b>: a run of whitespace characters is one token, except that a final ASCII space directly
 *       before a letter or digit is left to the following word or number: {@code "a  b"} is {@code "a"},
 *       {@code " "}, {@code " b"}.</li>
 *   <li><b>Anything else</b> (punctuation, symbols, characters outside the BMP): one code point per token.</li>
 * </ol>
 * Token ids do not exist in the mock: {@code eos_token} and {@code logit_bias} name ids that map to no token here,
 * so they are accepted and have no effect.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** The tokens of {@code text}, in order; empty for an empty or null text. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int i = 0;
        while (i < text.length()) {
            int end = tokenEnd(text, i);
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** The number of tokens of {@code text}, without building them; 0 for null. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            i = tokenEnd(text, i);
            count++;
        }
        return count;
    }

    /** The end (exclusive) of the token that starts at {@code start}. */
    static int tokenEnd(String s, int start) {
        int n = s.length();
        char c = s.charAt(start);
        if (c == ' ' && start + 1 < n) {
            char next = s.charAt(start + 1);
            if (Character.isLetter(next)) {
                return letterRunEnd(s, start + 1);
            }
            if (isDigit(next)) {
                return digitGroupEnd(s, start + 1);
            }
        }
        if (Character.isLetter(c)) {
            return letterRunEnd(s, start);
        }
        if (isDigit(c)) {
            return digitGroupEnd(s, start);
        }
        if (Character.isWhitespace(c)) {
            int end = start + 1;
            while (end < n && Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            if (end - start > 1 && end < n && s.charAt(end - 1) == ' '
                    && (Character.isLetter(s.charAt(end)) || isDigit(s.charAt(end)))) {
                end--;
            }
            return end;
        }
        if (Character.isHighSurrogate(c) && start + 1 < n && Character.isLowSurrogate(s.charAt(start + 1))) {
            return start + 2;
        }
        return start + 1;
    }

    private static int letterRunEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int digitGroupEnd(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < 3 && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
