package io.friendlikit.mock.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a setting's text becomes a value and which values the setting takes. The same checks apply to a value
 * read from text (flag, property, variable) and to one handed to the embedded builder, so a rule is stated once.
 * A refused value carries the rule it broke ("must be between 0 and 65535"); {@link Setting} adds the name the
 * value came under.
 *
 * @param <T> the value's type
 */
public final class Parser<T> {

    private final String rule;
    private final Function<String, T> read;
    private final Function<? super T, String> format;
    private final List<Check<T>> checks;
    private final List<String> choices;
    private final Function<T, T> freeze;

    private record Check<T>(Predicate<? super T> allows, String phrase) {
    }

    /** A value broke a rule; the message is the rule, e.g. {@code must be true or false}. */
    static final class Refused extends RuntimeException {
        Refused(String phrase) {
            super(phrase, null, false, false);
        }
    }

    private Parser(String rule, Function<String, T> read, Function<? super T, String> format, List<Check<T>> checks,
                   List<String> choices, Function<T, T> freeze) {
        this.rule = rule;
        this.read = read;
        this.format = format;
        this.checks = List.copyOf(checks);
        this.choices = List.copyOf(choices);
        this.freeze = freeze;
    }

    private static <T> Parser<T> of(String rule, Function<String, T> read, Function<? super T, String> format) {
        return new Parser<>(rule, read, format, List.of(), List.of(), Function.identity());
    }

    /** The same parser that also refuses values {@code allows} rejects, saying {@code phrase}. */
    private Parser<T> allowing(Predicate<? super T> allows, String phrase) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(new Check<>(allows, phrase));
        return new Parser<>(rule, read, format, more, choices, freeze);
    }

    /** The same parser with these allowed texts (shown by the README test and by --help). */
    private Parser<T> withChoices(String... texts) {
        return new Parser<>(rule, read, format, checks, List.of(texts), freeze);
    }

    /** The same parser that stores a copy made by {@code freeze} (for mutable values handed in). */
    private Parser<T> frozenBy(Function<T, T> copy) {
        return new Parser<>(rule, read, format, checks, choices, copy);
    }

    // ------------------------------------------------------------------ the kinds of settings

    /** An integer in {@code [min, max]}. */
    static Parser<Integer> ints(int min, int max) {
        Parser<Long> longs = longs(min, max);
        return Parser.<Integer>of(longs.rule, text -> longs.parse(text).intValue(), String::valueOf)
                .allowing(v -> v >= min && v <= max, between(min, max));
    }

    /** An integer in {@code [min, max]}. */
    static Parser<Long> longs(long min, long max) {
        String rule = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "an integer"
                : max == Long.MAX_VALUE ? "an integer of at least " + min
                : "an integer from " + min + " to " + max;
        Parser<Long> p = of(rule, text -> {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new Refused("is not an integer");
            }
        }, String::valueOf);
        return p.allowing(v -> v >= min && v <= max, between(min, max));
    }

    /** A finite decimal number in {@code [min, max]}. */
    static Parser<Double> doubles(double min, double max) {
        String phrase = "must be between " + plain(min) + " and " + plain(max);
        Parser<Double> p = of("a number from " + plain(min) + " to " + plain(max), text -> {
            try {
                double v = Double.parseDouble(text.trim());
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new Refused("is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new Refused("is not a number");
            }
        }, Parser::plain);
        return p.allowing(v -> v >= min && v <= max, phrase);
    }

    /** A number as the README writes it: {@code 0.5}, {@code 1}, {@code 1000000}. */
    private static String plain(Double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String between(long min, long max) {
        return max == Long.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max;
    }

    /** {@code true} or {@code false}, in any case. */
    static Parser<Boolean> bool() {
        return of("true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new Refused("must be true or false");
        }, String::valueOf);
    }

    /** Any text that is not blank, trimmed. */
    static Parser<String> nonBlank() {
        return of("any non-empty text", text -> text, (String v) -> v).allowing(v -> !v.isBlank(), "must not be empty");
    }

    /** Comma-separated entries, trimmed, blanks skipped, order kept. */
    static Parser<Set<String>> list() {
        Parser<Set<String>> p = of("a comma-separated list (blank entries skipped)", text -> {
            Set<String> out = new LinkedHashSet<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }, v -> String.join(",", v));
        return p.allowing(v -> v.stream().allMatch(e -> e != null && !e.isBlank() && e.equals(e.trim())
                        && !e.contains(",")), "must hold trimmed, non-empty entries without commas")
                .frozenBy(v -> Collections.unmodifiableSet(new LinkedHashSet<>(v)));
    }

    /** One of the constants of {@code type}, written in lower case ({@code BOTH} is {@code both}). */
    static <E extends Enum<E>> Parser<E> oneOf(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        String phrase = "must be one of " + String.join(", ", names);
        return Parser.<E>of("one of " + String.join(", ", names), text -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return e;
                }
            }
            throw new Refused(phrase);
        }, e -> e.name().toLowerCase(Locale.ROOT)).withChoices(names.toArray(String[]::new));
    }

    /** {@code system}, or {@code fixed:<unix seconds>} for a clock that always reads that instant. */
    static Parser<Clock> clock() {
        String phrase = "must be 'system' or 'fixed:<unix seconds>'";
        return Parser.<Clock>of("'system' or 'fixed:<unix seconds>'", text -> {
            if (text.equals("system")) {
                return Clock.systemUTC();
            }
            if (text.startsWith("fixed:")) {
                try {
                    long seconds = Long.parseLong(text.substring("fixed:".length()));
                    if (seconds >= 0) {
                        return MockConfig.fixedClock(seconds);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
            }
            throw new Refused(phrase);
        }, Parser::clockText).withChoices("system", "fixed:<unix seconds>");
    }

    private static String clockText(Clock c) {
        if (c.equals(Clock.systemUTC())) {
            return "system";
        }
        long seconds = c.instant().getEpochSecond();
        return c.equals(MockConfig.fixedClock(seconds)) ? "fixed:" + seconds : c.toString();
    }

    /** Empty, {@code *}, or an origin such as {@code http://localhost:5173}. */
    static Parser<String> origin() {
        return of("empty, '*', or an origin such as http://localhost:5173", text -> text, (String v) -> v)
                .allowing(v -> v.isEmpty() || v.equals("*") || v.matches("https?://[^/\\s]+"),
                        "must be '*' or an origin like http://localhost:5173 (scheme://host[:port], no path)");
    }

    /** Empty, or a token: visible ASCII, no spaces or control characters. */
    static Parser<String> token() {
        return of("empty, or visible ASCII without spaces", text -> text, (String v) -> v)
                .allowing(v -> v.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                        "must be visible ASCII characters without spaces");
    }

    /** Empty, or the path of a readable file. */
    /** A comma-separated list of directories that exist and can be read. */
    static Parser<Set<String>> directories() {
        return list().allowing(v -> v.stream().allMatch(Parser::readableDirectory),
                "must name readable directories");
    }

    private static boolean readableDirectory(String path) {
        try {
            Path p = Path.of(path);
            return Files.isDirectory(p) && Files.isReadable(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** One of these texts, exactly. */
    static Parser<String> choice(String... texts) {
        List<String> allowed = List.of(texts);
        return of("one of " + String.join(", ", allowed), text -> text, (String v) -> v)
                .allowing(allowed::contains, "must be one of " + String.join(", ", allowed))
                .withChoices(texts);
    }

    /** Empty, or a path (its directory is checked when it is used). */
    static Parser<String> path() {
        return of("empty, or a directory path", text -> text, (String v) -> v)
                .allowing(v -> v.isEmpty() || validPath(v), "is not a valid path");
    }

    private static boolean validPath(String path) {
        try {
            Path.of(path);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Empty, or an http(s) root URL without credentials, query or fragment; a trailing slash is dropped. */
    static Parser<String> rootUrl() {
        return of("empty, or an http(s) URL such as https://api.friendli.ai", text -> text.endsWith("/")
                        ? text.substring(0, text.length() - 1) : text, (String v) -> v)
                .allowing(v -> v.isEmpty() || v.matches("https?://[^/\\s?#@]+(/[^\\s?#]*)?"),
                        "must be an http(s) URL such as https://api.friendli.ai (no user info, query or fragment)");
    }

    static Parser<String> readableFile() {
        return of("empty, or the path of a readable file", text -> text, (String v) -> v)
                .allowing(v -> v.isEmpty() || readable(v), "is not a readable file");
    }

    private static boolean readable(String path) {
        try {
            return Files.isReadable(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ use

    /** What the setting takes, as {@code --help} says it, e.g. {@code an integer from 0 to 65535}. */
    public String rule() {
        return rule;
    }

    /** The allowed texts of a setting that takes one of a few words, else empty. */
    public List<String> choices() {
        return choices;
    }

    /** Reads trimmed text and checks the value; throws {@link Refused} naming the rule broken. */
    T parse(String text) {
        return check(read.apply(text.trim()));
    }

    /** Checks a value given directly; throws {@link Refused} naming the rule broken. */
    T check(T value) {
        if (value == null) {
            throw new Refused("must not be null");
        }
        for (Check<T> c : checks) {
            if (!c.allows().test(value)) {
                throw new Refused(c.phrase());
            }
        }
        return freeze.apply(value);
    }

    /** The value as it would be written on the command line (a clock of another kind as Java prints it). */
    String format(T value) {
        return value == null ? "null" : Objects.toString(format.apply(value));
    }
}
