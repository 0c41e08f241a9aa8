package io.friendlikit.mock.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two answers by structure, not text: the status, the content type's class, which members a body has and
 * their JSON types (texts and numbers are never compared; integer and float are both "number"), the shape of a
 * stream, the usage arithmetic, and the members of an error body. As in the kit, an absent member and a JSON
 * {@code null} are the same. Each difference goes through the divergences before it is returned.
 */
final class ShapeComparator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Pointers of the checks on a stream as a whole. No chunk has such members, so a divergence entry can name
     * these checks alone (a live answer's length, and so its event count, differs from sample to sample).
     */
    static final String EVENTS_POINTER = "/events";
    static final String DONE_POINTER = "/done";

    private final Divergences divergences;

    ShapeComparator(Divergences divergences) {
        this.divergences = divergences;
    }

    List<Difference> compare(Answer recorded, Answer now) {
        List<Difference> out = new ArrayList<>();
        if (recorded.status() != now.status()) {
            add(out, Difference.STATUS, "", String.valueOf(recorded.status()), String.valueOf(now.status()), null);
        }
        if (!recorded.typeClass().equals(now.typeClass())) {
            add(out, Difference.CONTENT_TYPE, "", recorded.typeClass(), now.typeClass(), null);
        }
        boolean sameOutcome = ok(recorded.status()) == ok(now.status());
        if (!sameOutcome || recorded.streamed() != now.streamed()) {
            // a success against an error, or a stream against a plain body: the status or type says it all
            return out;
        }
        if (recorded.streamed()) {
            compareStreams(recorded, now, out);
        } else {
            comparePlain(recorded, now, out);
        }
        return out;
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private void comparePlain(Answer recorded, Answer now, List<Difference> out) {
        JsonNode was = parse(recorded.body());
        JsonNode is = parse(now.body());
        if ((was == null) != (is == null)) {
            add(out, Difference.BODY, "", was == null ? kindOfText(recorded.body()) : "json",
                    is == null ? kindOfText(now.body()) : "json", null);
            return;
        }
        if (was == null) {
            return;
        }
        walk("", was, is, out);
        arithmetic(was.get("usage"), is.get("usage"), out);
    }

    private static String kindOfText(String body) {
        return body == null ? "empty" : "text";
    }

    /** Members present, missing and typed differently; arrays index by index up to the shorter one. */
    private void walk(String pointer, JsonNode was, JsonNode is, List<Difference> out) {
        boolean wasAbsent = absent(was);
        boolean isAbsent = absent(is);
        if (wasAbsent && isAbsent) {
            return;
        }
        if (wasAbsent) {
            add(out, Difference.EXTRA, pointer, "absent", typeName(is), is);
            return;
        }
        if (isAbsent) {
            add(out, Difference.MISSING, pointer, typeName(was), "absent", null);
            return;
        }
        if (!typeName(was).equals(typeName(is))) {
            add(out, Difference.TYPE, pointer, typeName(was), typeName(is), is);
            return;
        }
        if (was.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(pointer + "/" + escape(name), was.get(name), is.get(name), out);
            }
        } else if (was.isArray()) {
            if (pointer.equals("/choices") && was.size() != is.size()) {
                add(out, Difference.CHOICES_LENGTH, pointer, String.valueOf(was.size()), String.valueOf(is.size()),
                        null);
            }
            Iterator<JsonNode> a = was.elements();
            Iterator<JsonNode> b = is.elements();
            for (int i = 0; a.hasNext() && b.hasNext(); i++) {
                walk(pointer + "/" + i, a.next(), b.next(), out);
            }
        }
    }

    private void compareStreams(Answer recorded, Answer now, List<Difference> out) {
        List<JsonNode> was = chunks(recorded.events());
        List<JsonNode> is = chunks(now.events());
        String wasCount = countClass(recorded.events().size());
        String isCount = countClass(now.events().size());
        if (!wasCount.equals(isCount)) {
            add(out, Difference.EVENTS, EVENTS_POINTER, wasCount, isCount, null);
        }
        flag(out, Difference.ROLE_FIRST, "/choices/*/delta/role", roleFirst(was), roleFirst(is));
        flag(out, Difference.FINISH_CHUNK, "/choices/*/finish_reason", any(was, ShapeComparator::finishes),
                any(is, ShapeComparator::finishes));
        flag(out, Difference.USAGE_CHUNK, "/usage", any(was, c -> !absent(c.get("usage"))),
                any(is, c -> !absent(c.get("usage"))));
        flag(out, Difference.DONE, DONE_POINTER, recorded.done(), now.done());
        // the members of a role, finish or usage chunk come with that chunk, already reported
        List<String> reported = new ArrayList<>();
        out.stream().filter(d -> !d.pointer().isEmpty()).forEach(d -> reported.add(d.pointer()));

        SortedMap<String, SortedSet<String>> wasMembers = members(was);
        SortedMap<String, SortedSet<String>> isMembers = members(is);
        Set<String> pointers = new TreeSet<>(wasMembers.keySet());
        pointers.addAll(isMembers.keySet());
        for (String p : pointers) {
            // a member missing (or extra) as a whole is reported once, not once per member inside it
            if (reported.stream().anyMatch(r -> p.equals(r) || p.startsWith(r + "/"))) {
                continue;
            }
            SortedSet<String> a = wasMembers.get(p);
            SortedSet<String> b = isMembers.get(p);
            if (a == null) {
                add(out, Difference.EXTRA, p, "absent", String.join("|", b), null);
                reported.add(p);
            } else if (b == null) {
                add(out, Difference.MISSING, p, String.join("|", a), "absent", null);
                reported.add(p);
            } else if (!a.equals(b)) {
                add(out, Difference.TYPE, p, String.join("|", a), String.join("|", b), null);
                reported.add(p);
            }
        }
        arithmetic(lastUsage(was), lastUsage(is), out);
    }

    private static List<JsonNode> chunks(List<String> events) {
        List<JsonNode> out = new ArrayList<>();
        for (String e : events) {
            JsonNode n = parse(e);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** 0, 1, 2-9 or 10+: streams of one model differ in length from run to run, not in these classes. */
    static String countClass(int n) {
        return n == 0 ? "0" : n == 1 ? "1" : n < 10 ? "2-9" : "10+";
    }

    private static boolean roleFirst(List<JsonNode> chunks) {
        return !chunks.isEmpty() && chunks.get(0).path("choices").path(0).path("delta").path("role").isTextual();
    }

    private static boolean finishes(JsonNode chunk) {
        for (JsonNode choice : chunk.path("choices")) {
            if (!absent(choice.get("finish_reason"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<JsonNode> chunks, java.util.function.Predicate<JsonNode> test) {
        return chunks.stream().anyMatch(test);
    }

    private static JsonNode lastUsage(List<JsonNode> chunks) {
        JsonNode usage = null;
        for (JsonNode c : chunks) {
            if (!absent(c.get("usage"))) {
                usage = c.get("usage");
            }
        }
        return usage;
    }

    /** Every member pointer of every chunk (array indices as {@code *}) with the types it had (null not counted). */
    private static SortedMap<String, SortedSet<String>> members(List<JsonNode> chunks) {
        SortedMap<String, SortedSet<String>> out = new TreeMap<>();
        for (JsonNode c : chunks) {
            collect("", c, out);
        }
        return out;
    }

    private static void collect(String pointer, JsonNode node, Map<String, SortedSet<String>> out) {
        if (absent(node)) {
            return;
        }
        if (!pointer.isEmpty()) {
            out.computeIfAbsent(pointer, k -> new TreeSet<>()).add(typeName(node));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(pointer + "/" + escape(f.getKey()), f.getValue(), out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(e -> collect(pointer + "/*", e, out));
        }
    }

    /** {@code total_tokens == prompt_tokens + completion_tokens}, or null when there is no usage to check. */
    private static Boolean adds(JsonNode usage) {
        if (absent(usage) || !usage.path("total_tokens").isNumber() || !usage.path("prompt_tokens").isNumber()
                || !usage.path("completion_tokens").isNumber()) {
            return null;
        }
        return usage.get("total_tokens").decimalValue().compareTo(usage.get("prompt_tokens").decimalValue()
                .add(usage.get("completion_tokens").decimalValue())) == 0;
    }

    private void arithmetic(JsonNode was, JsonNode is, List<Difference> out) {
        Boolean a = adds(was);
        Boolean b = adds(is);
        if (a != null && b != null && !a.equals(b)) {
            add(out, Difference.USAGE_ARITHMETIC, "/usage/total_tokens", a ? "adds up" : "does not add up",
                    b ? "adds up" : "does not add up", null);
        }
    }

    private void flag(List<Difference> out, String kind, String pointer, boolean was, boolean is) {
        if (was != is) {
            add(out, kind, pointer, was ? "yes" : "no", is ? "yes" : "no", null);
        }
    }

    private void add(List<Difference> out, String kind, String pointer, String recorded, String now,
                     JsonNode nowValue) {
        out.add(new Difference(kind, pointer, recorded, now, divergences.knownReason(pointer, kind, nowValue)));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }

    /** object, array, string, number (integer or float), boolean. */
    static String typeName(JsonNode n) {
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }
}
