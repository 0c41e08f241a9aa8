package io.friendlikit.conformance.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a page in the Prometheus text exposition format (what the mock's {@code GET /__admin/metrics}
 * answers): {@code name{label="value",...} value [timestamp]} per line; comments and blank lines are skipped.
 */
public final class PrometheusText {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** @throws IllegalArgumentException naming the line that is not a sample */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(sample(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics line " + (i + 1) + " is not a Prometheus sample ("
                        + e.getMessage() + "): " + line, e);
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The sum of the samples named {@code name} whose labels include all of {@code labels}; 0 when none does. */
    public double sum(String name, Map<String, String> labels) {
        double sum = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())) {
                sum += s.value();
            }
        }
        return sum;
    }

    /**
     * Label matchers written as in a sample, without the braces: {@code status="422", stream="true"}; an empty
     * or blank text is no label.
     */
    public static Map<String, String> labels(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        Cursor c = new Cursor(text.strip());
        Map<String, String> labels = c.labels(-1);
        if (!c.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + c.rest() + "' after the labels in: " + text);
        }
        return labels;
    }

    private static Sample sample(String line) {
        Cursor c = new Cursor(line);
        String name = c.name();
        Map<String, String> labels = Map.of();
        if (c.peek() == '{') {
            c.next();
            labels = c.labels('}');
            c.expect('}');
        }
        c.skipSpaces();
        String value = c.token();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        return new Sample(name, labels, number(value));
    }

    private static double number(String text) {
        switch (text) {
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
        }
    }

    /** Reads a line left to right. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        char next() {
            if (atEnd()) {
                throw new IllegalArgumentException("the line ends early");
            }
            return s.charAt(i++);
        }

        String rest() {
            return s.substring(i);
        }

        void expect(char ch) {
            if (peek() != ch) {
                throw new IllegalArgumentException("expected '" + ch + "' at column " + (i + 1));
            }
            i++;
        }

        void skipSpaces() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                i++;
            }
        }

        String name() {
            int start = i;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("expected a name at column " + (i + 1));
            }
            return s.substring(start, i);
        }

        String token() {
            int start = i;
            while (!atEnd() && peek() != ' ' && peek() != '\t') {
                i++;
            }
            return s.substring(start, i);
        }

        /** {@code a="x", b="y"} up to {@code end} (not consumed) or, with -1, the end of the text. */
        Map<String, String> labels(int end) {
            Map<String, String> labels = new LinkedHashMap<>();
            skipSpaces();
            while (!atEnd() && peek() != end) {
                String name = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                StringBuilder value = new StringBuilder();
                for (char ch = next(); ch != '"'; ch = next()) {
                    if (ch == '\\') {
                        char escaped = next();
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(ch);
                    }
                }
                labels.put(name, value.toString());
                skipSpaces();
                if (peek() == ',') {
                    i++;
                    skipSpaces();
                }
            }
            return labels;
        }
    }
}
