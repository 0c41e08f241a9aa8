package io.friendlikit.conformance.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.conformance.json.Fixtures;
import io.friendlikit.conformance.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an expected JSON document with an actual one. Where a {@link Divergence} for the target kind
 * matches a pointer, its rule replaces equality. This is the only place where known target differences are
 * applied.
 *
 * <p>Two rules hold for every comparison:
 * <ul>
 *   <li><b>Absent and null are the same.</b> The contract declares every optional member nullable, so a member
 *   that is absent on one side and {@code null} on the other agrees, under equality and under
 *   {@code type-only} alike.</li>
 *   <li><b>The first matching entry wins.</b> Entries are consulted in the order given; {@link #forComparison}
 *   puts the comparison's own entries (what the comparison is about) before the target's divergences, so a
 *   comparison that ignores a member is not overruled by a target entry that would only relax it.</li>
 * </ul>
 */
public final class JsonComparator {

    private final List<Divergence> divergences;

    public JsonComparator(List<Divergence> divergences) {
        this.divergences = List.copyOf(divergences);
    }

    /** Entries of the given fixture files (e.g. "divergences.json") that apply to the target kind. */
    public static JsonComparator forTarget(String targetKind, String... fixtureFiles) {
        List<Divergence> all = new ArrayList<>();
        for (String file : fixtureFiles) {
            all.addAll(load(file));
        }
        return new JsonComparator(all.stream().filter(d -> d.appliesTo(targetKind)).toList());
    }

    /**
     * A comparison of two answers (e.g. fixtures/comparisons/stream-vs-plain.json): its own entries first, then the
     * target's entries from divergences.json.
     */
    public static JsonComparator forComparison(String targetKind, String comparisonFile) {
        return forTarget(targetKind, comparisonFile, "divergences.json");
    }

    public static List<Divergence> load(String fixtureFile) {
        JsonNode root = Json.parse(Fixtures.text(fixtureFile));
        List<Divergence> entries = new ArrayList<>();
        for (JsonNode entry : root.path("divergences")) {
            String rule = entry.path("rule").asText();
            String reason = entry.path("reason").asText();
            if (reason.isBlank()) {
                throw new IllegalArgumentException(fixtureFile + ": entry " + entry + " has no reason");
            }
            Optional<Pattern> pattern = entry.hasNonNull("pattern")
                    ? Optional.of(Pattern.compile(entry.get("pattern").asText())) : Optional.empty();
            Divergence.Rule parsed = Divergence.Rule.parse(rule);
            if (parsed == Divergence.Rule.PATTERN && pattern.isEmpty()) {
                throw new IllegalArgumentException(fixtureFile + ": pattern rule without pattern: " + entry);
            }
            entries.add(new Divergence(entry.path("target").asText("*"), entry.path("pointer").asText(),
                    parsed, pattern, reason));
        }
        return entries;
    }

    /** Differences, one line each ("pointer: expected …, got …"); empty when the documents agree. */
    public List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    private void walk(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        Optional<Divergence> divergence = divergences.stream().filter(d -> d.matches(pointer)).findFirst();
        if (divergence.isPresent()) {
            Divergence d = divergence.get();
            switch (d.rule()) {
                case IGNORE -> {
                    return;
                }
                case TYPE_ONLY -> {
                    if (!(absentOrNull(expected) && absentOrNull(actual))
                            && !Json.typeName(expected).equals(Json.typeName(actual))) {
                        out.add(pointer + ": expected " + aType(expected) + ", got " + aType(actual)
                                + " (" + d.reason() + ")");
                    }
                    return;
                }
                case PATTERN -> {
                    if (actual == null || !actual.isTextual() || !d.pattern().orElseThrow().matcher(actual.asText()).matches()) {
                        out.add(pointer + ": expected a string matching " + d.pattern().orElseThrow() + ", got "
                                + render(actual) + " (" + d.reason() + ")");
                    }
                    return;
                }
                default -> throw new IllegalStateException();
            }
        }
        if (absentOrNull(expected) && absentOrNull(actual)) {
            return;
        }
        if (expected == null || expected.isMissingNode()) {
            if (actual != null && !actual.isMissingNode()) {
                out.add(pointer + ": not expected, got " + render(actual));
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(pointer + ": expected " + render(expected) + ", got nothing");
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), expected.get(name), actual.get(name), out);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(pointer + ": expected " + expected.size() + " elements, got " + actual.size());
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            int index = 0;
            while (e.hasNext() && a.hasNext()) {
                walk(pointer + "/" + index++, e.next(), a.next(), out);
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(pointer + ": expected " + expected + ", got " + actual);
            }
            return;
        }
        if (!expected.equals(actual)) {
            out.add(pointer + ": expected " + render(expected) + ", got " + render(actual));
        }
    }

    /** The spec declares optional members as nullable, so an absent member and a JSON null mean the same. */
    private static boolean absentOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** "a string", "an object", "null", "nothing" (absent). */
    static String aType(JsonNode node) {
        String type = Json.typeName(node);
        return switch (type) {
            case "absent" -> "nothing";
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String render(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : Json.abbreviate(Json.write(node));
    }
}
