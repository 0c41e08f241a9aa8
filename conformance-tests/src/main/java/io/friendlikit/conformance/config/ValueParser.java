package io.friendlikit.conformance.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * How the text of one setting becomes its value. A parser that cannot read the text throws
 * {@link ConfigurationException} with a message naming the setting under all its names and what was expected.
 */
public enum ValueParser {
    /** Any text, trimmed. */
    TEXT("any text") {
        @Override
        Object read(Setting setting, String text) {
            return text;
        }
    },
    /** An absolute http(s) URL; one trailing slash is dropped. */
    HTTP_URL("an absolute http or https URL") {
        @Override
        Object read(Setting setting, String text) {
            String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw setting.badValue(text, e.getMessage());
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw setting.badValue(text, "expected " + expected());
            }
            return uri;
        }
    },
    /** A positive whole number of seconds. */
    POSITIVE_SECONDS("a positive whole number of seconds") {
        @Override
        Object read(Setting setting, String text) {
            long seconds;
            try {
                seconds = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw setting.badValue(text, "expected a whole number of seconds");
            }
            if (seconds <= 0) {
                throw setting.badValue(text, "expected a positive number of seconds");
            }
            return Duration.ofSeconds(seconds);
        }
    },
    /** {@code true} or {@code false}, in any case. */
    BOOLEAN("true or false") {
        @Override
        Object read(Setting setting, String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw setting.badValue(text, "expected " + expected());
            }
            return Boolean.valueOf(lower);
        }
    },
    /** The kind of server: {@code mock}, {@code live} or {@code other}, in any case; read in lower case. */
    TARGET_KIND("mock, live or other") {
        @Override
        Object read(Setting setting, String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("mock") && !lower.equals("live") && !lower.equals("other")) {
                throw setting.badValue(text, "expected " + expected());
            }
            return lower;
        }
    },
    /** Which failures fail the run: {@code any} or {@code firm}, in any case; read in lower case. */
    FAIL_ON("any or firm") {
        @Override
        Object read(Setting setting, String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("any") && !lower.equals("firm")) {
                throw setting.badValue(text, "expected " + expected());
            }
            return lower;
        }
    };

    private final String expected;

    ValueParser(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for messages and {@code --help}. */
    public String expected() {
        return expected;
    }

    abstract Object read(Setting setting, String text);
}
