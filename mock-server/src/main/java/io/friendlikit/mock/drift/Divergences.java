package io.friendlikit.mock.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Known differences, read from a divergences file in the kit's format ({@code fixtures/divergences.json}:
 * {@code {"divergences": [{target, pointer, rule, reason, pattern?}]}}), applied to drift the way the kit's
 * comparator applies them to its comparisons, so an entry means the same in both places:
 * <ul>
 *   <li>the first entry for the target whose pointer covers a difference decides (a {@code *} segment matches one
 *   segment; an entry covers its pointer and everything below it, which the kit does not walk into);</li>
 *   <li>{@code ignore}: any difference at or below the pointer is known;</li>
 *   <li>{@code type-only}: the kit still compares the type at the pointer, so a difference of type or presence
 *   there stays drift; differences below it are known;</li>
 *   <li>{@code pattern}: at the pointer the answer's value must be a string matching the pattern, else drift;
 *   differences below it are known.</li>
 * </ul>
 * The kit's target kinds are kept: {@code mock}, {@code live}, {@code other}, or {@code *} for every target.
 */
public final class Divergences {

    public static final Set<String> TARGETS = Set.of("mock", "live", "other");

    /** One entry of the file. */
    public record Entry(String target, String pointer, String rule, Pattern pattern, String reason) {

        boolean appliesTo(String kind) {
            return target.equals("*") || target.equals(kind);
        }

        /** 0: the entry's pointer is the difference's; 1: an ancestor of it; -1: it does not cover it. */
        int covers(String differencePointer) {
            String[] wanted = pointer.split("/", -1);
            String[] actual = differencePointer.split("/", -1);
            if (pointer.isEmpty()) {
                return differencePointer.isEmpty() ? 0 : 1;
            }
            if (wanted.length > actual.length) {
                return -1;
            }
            for (int i = 0; i < wanted.length; i++) {
                if (!wanted[i].equals("*") && !wanted[i].equals(actual[i])) {
                    return -1;
                }
            }
            return wanted.length == actual.length ? 0 : 1;
        }
    }

    private static final Set<String> RULES = Set.of("ignore", "type-only", "pattern");

    private final List<Entry> entries;

    public Divergences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Divergences none() {
        return new Divergences(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Reads a divergences file.
     *
     * @throws DriftInputException naming the file and the JSON Pointer of a bad entry
     */
    public static Divergences read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DriftInputException(file + ": cannot read the divergences file: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("divergences");
        if (list == null || !list.isArray()) {
            throw new DriftInputException(file + ": /divergences: must be an array of entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = file + ": /divergences/" + i;
            String target = e.path("target").asText("*");
            if (!target.equals("*") && !TARGETS.contains(target)) {
                throw new DriftInputException(at + "/target: must be mock, live, other or *, got '" + target + "'");
            }
            if (!e.path("pointer").isTextual() || !(e.get("pointer").asText().isEmpty()
                    || e.get("pointer").asText().startsWith("/"))) {
                throw new DriftInputException(at + "/pointer: must be a JSON pointer (empty or starting with '/')");
            }
            String rule = e.path("rule").asText();
            if (!RULES.contains(rule)) {
                throw new DriftInputException(at + "/rule: must be ignore, type-only or pattern, got '" + rule + "'");
            }
            String reason = e.path("reason").asText();
            if (reason.isBlank()) {
                throw new DriftInputException(at + "/reason: every entry says why (one line)");
            }
            Pattern pattern = null;
            if (rule.equals("pattern")) {
                if (!e.path("pattern").isTextual()) {
                    throw new DriftInputException(at + "/pattern: a pattern rule needs a pattern");
                }
                try {
                    pattern = Pattern.compile(e.get("pattern").asText());
                } catch (PatternSyntaxException bad) {
                    throw new DriftInputException(at + "/pattern: not a regular expression: " + bad.getDescription());
                }
            }
            entries.add(new Entry(target, e.get("pointer").asText(), rule, pattern, reason));
        }
        return new Divergences(entries);
    }

    /** The entries for one target kind, in file order. */
    public Divergences forTarget(String kind) {
        return new Divergences(entries.stream().filter(e -> e.appliesTo(kind)).toList());
    }

    /**
     * The reason a difference is known, or null when it is drift.
     *
     * @param kind     the difference's kind ({@link Difference#kind()})
     * @param nowValue the value the target answered at the pointer, when there is one (a body member), else null
     */
    public String knownReason(String pointer, String kind, JsonNode nowValue) {
        for (Entry e : entries) {
            int covers = e.covers(pointer);
            if (covers < 0) {
                continue;
            }
            if (covers > 0 || e.rule().equals("ignore")) {
                return e.reason();
            }
            if (e.rule().equals("pattern") && nowValue != null && nowValue.isTextual() && e.pattern().matcher(nowValue.asText()).matches()) {
                return e.reason();
            }
            return null;
        }
        return null;
    }
}
