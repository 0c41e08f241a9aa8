package io.friendlikit.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.validation.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
     * @param error      the error message answered, or null for a 200
     * @param violations what the request got wrong (empty when valid)
     * @param faults     types of the faults applied
     * @param session    the {@code X-Mock-Session} the request carried, or null
     * @param end        how the delivery ended for the client, with its duration; null while it is delivered
     */
    public record Entry(long id, Instant receivedAt, String method, String path, Map<String, String> headers,
                        JsonNode body, String rawBody, int status, String error, List<Violation> violations,
                        List<String> faults, boolean stream, String session, StreamEnd end) {

        /** This entry with the end of its delivery. */
        public Entry ended(StreamEnd how) {
            return new Entry(id, receivedAt, method, path, headers, body, rawBody, status, error, violations, faults,
                    stream, session, how);
        }

        /** One console line: {@code #3 POST /serverless/v1/chat/completions 422 top_p must be in (0, 1], got 0}. */
        public String summary() {
            StringBuilder sb = new StringBuilder().append('#').append(id).append(' ').append(method).append(' ')
                    .append(path).append(' ').append(status);
            if (stream && status == 200) {
                sb.append(" stream");
            }
            if (body != null && body.path("model").isTextual()) {
                sb.append(" model=").append(body.path("model").asText());
            }
            if (!violations.isEmpty()) {
                sb.append("  ").append(violations.get(0).message());
                if (violations.size() > 1) {
                    sb.append(" (+").append(violations.size() - 1).append(" more)");
                }
            } else if (error != null) {
                sb.append("  ").append(error);
            }
            if (!faults.isEmpty()) {
                sb.append("  faults=").append(String.join(",", faults));
            }
            if (session != null) {
                sb.append("  session=").append(session);
            }
            return sb.toString();
        }
    }

    private final int capacity;
    private final java.util.function.Consumer<Entry> listener;
    /** By id, oldest first. */
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
    private long nextId = 1;

    public Journal(int capacity) {
        this(capacity, entry -> { });
    }

    /** @param listener told of every entry as it is recorded (even when the capacity is 0) */
    public Journal(int capacity, java.util.function.Consumer<Entry> listener) {
        this.capacity = capacity;
        this.listener = listener;
    }

    public synchronized long nextId() {
        return nextId++;
    }

    public void record(Entry entry) {
        listener.accept(entry);
        keep(entry);
    }

    private synchronized void keep(Entry entry) {
        if (capacity == 0) {
            return;
        }
        entries.put(entry.id(), entry);
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Records how the delivery of entry {@code id} ended; ignored when the entry is no longer held. */
    public synchronized void ended(long id, StreamEnd end) {
        entries.computeIfPresent(id, (k, e) -> e.ended(end));
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Forgets the entries of one session. */
    public synchronized void clearSession(String session) {
        entries.values().removeIf(e -> Objects.equals(e.session(), session));
    }
}
