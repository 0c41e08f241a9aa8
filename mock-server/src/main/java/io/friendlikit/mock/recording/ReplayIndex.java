package io.friendlikit.mock.recording;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recordings loaded from fixture directories, and which of them answers a request. A recording answers a
 * request to the same path whose body has the same value for every member of the match list (a member absent from
 * both counts as the same; numbers compare by value, so {@code 1} and {@code 1.0} are equal). When several
 * recordings answer the same request (the same request recorded more than once), they answer in the order of their
 * file names, one per request, and the last one repeats. Thread-safe; {@link #replace} swaps the whole set.
 */
public final class ReplayIndex {

    /** A loaded recording and the file it came from. */
    public record Loaded(String file, Recording recording) {
    }

    /** The closest recording to a request no recording answers, and the members in which it differs. */
    public record NearMiss(String file, List<String> differs) {
    }

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private final List<String> members;
    private volatile List<Loaded> recordings = List.of();
    /** Requests answered so far, per group of recordings that answer the same request (keyed by the first file). */
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    /** @param members the request body members that must be equal */
    public ReplayIndex(Set<String> members) {
        this.members = List.copyOf(members);
    }

    public List<String> members() {
        return members;
    }

    /** Replaces the loaded recordings (sorted by file name) and starts every sequence again. */
    public void replace(List<Loaded> loaded) {
        List<Loaded> sorted = new ArrayList<>(loaded);
        sorted.sort(Comparator.comparing(Loaded::file));
        recordings = List.copyOf(sorted);
        served.clear();
    }

    public int size() {
        return recordings.size();
    }

    public boolean isEmpty() {
        return recordings.isEmpty();
    }

    /**
     * What the recordings say to a request: the recording that answers it, or else the closest.
     *
     * @param answer  the answering recording, one use of its group consumed; null when none answers
     * @param closest when none answers, the recording that differs in the fewest members (ties: the first file);
     *                null when one answers or none is loaded
     */
    public record Lookup(Loaded answer, NearMiss closest) {
    }

    /** Looks the request up, comparing it with each recording once. */
    public Lookup lookup(String path, JsonNode body) {
        List<Loaded> group = new ArrayList<>();
        NearMiss best = null;
        for (Loaded l : recordings) {
            List<String> d = differences(l.recording().request(), path, body);
            if (d.isEmpty()) {
                group.add(l);
            } else if (best == null || d.size() < best.differs().size()) {
                best = new NearMiss(l.file(), d);
            }
        }
        if (group.isEmpty()) {
            return new Lookup(null, best);
        }
        int n = served.computeIfAbsent(group.get(0).file(), k -> new AtomicInteger()).getAndIncrement();
        return new Lookup(group.get(Math.min(n, group.size() - 1)), null);
    }

    /** The members (and {@code path}) in which a recorded request and a request differ. */
    List<String> differences(Recording.Request recorded, String path, JsonNode body) {
        List<String> out = new ArrayList<>();
        if (!recorded.path().equals(path)) {
            out.add("path");
        }
        JsonNode was = recorded.body();
        for (String m : members) {
            JsonNode a = was == null ? null : was.get(m);
            JsonNode b = body == null ? null : body.get(m);
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null || !a.equals(BY_VALUE, b)) {
                out.add(m);
            }
        }
        return out;
    }
}
