package io.friendlikit.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.validation.Violation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The requests the mock received and what it answered, newest last; bounded (oldest dropped first).
 * Thread-safe.
 */
public final class Journal {

    /**
     * One exchange.
     *
     * @param headers    request headers, lower-case names; the bearer token is masked
     * @param body       the body if it parsed as JSON, else null
     * @param rawBody    the body text (first 4096 characters) if it did not parse as JSON, else null
     * @param violations what the request got wrong (empty when valid)
     * @param faults     types of the faults applied
     */
    public record Entry(long id, Instant receivedAt, String method, String path, Map<String, String> headers,
                        JsonNode body, String rawBody, int status, List<Violation> violations, List<String> faults,
                        boolean stream) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    public synchronized long nextId() {
        return nextId++;
    }

    public synchronized void record(Entry entry) {
        if (capacity == 0) {
            return;
        }
        entries.addLast(entry);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
