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
 * The requests the mock received and what it answered, newest last; bounded in entries and in bytes (oldest
 * dropped first). A body is kept as its bytes (parsed again when read), so an entry costs about its body's size,
 * whatever the body's shape; a body too large for the byte bound keeps its start only. Recording never fails a
 * request: an entry that cannot be kept is dropped. Thread-safe.
 */
public final class Journal {

    /** The first bytes of a body that is not JSON, or of one too large for the journal, kept as text. */
    public static final int RAW_PREFIX_BYTES = 4096;

    private static final com.fasterxml.jackson.databind.ObjectMapper PARSER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * One exchange.
     *
     * @param headers    request headers, lower-case names; the bearer token is masked
     * @param bodyBytes  the body if it parsed as JSON (kept whole), else null; read it with {@link #body()}
     * @param rawBody    the body text (first 4096 bytes) if it did not parse as JSON or was too large to keep
     * @param model      the body's {@code model} when it is a string, else null
     * @param error      the error message answered, or null for a 200
     * @param violations what the request got wrong (empty when valid)
     * @param faults     types of the faults applied
     * @param session    the {@code X-Mock-Session} the request carried, or null
     * @param end        how the delivery ended for the client, with its duration; null while it is delivered
     * @param retryAfterMs the wait the answer asked for ({@code retry-after-ms}, else {@code Retry-After} in
     *                   milliseconds), or null when it asked for none — what the client verdict judges retries by
     */
    public record Entry(long id, Instant receivedAt, String method, String path, Map<String, String> headers,
                        byte[] bodyBytes, String rawBody, String model, int status, String error,
                        List<Violation> violations, List<String> faults, boolean stream, String session,
                        StreamEnd end, Long retryAfterMs) {

        /** This entry with the end of its delivery. */
        public Entry ended(StreamEnd how) {
            return new Entry(id, receivedAt, method, path, headers, bodyBytes, rawBody, model, status, error,
                    violations, faults, stream, session, how, retryAfterMs);
        }

        /** The body as JSON, parsed from the kept bytes; null when it was not kept as JSON. */
        public JsonNode body() {
            if (bodyBytes == null) {
                return null;
            }
            try {
                return PARSER.readTree(bodyBytes);
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** Memory the entry holds, about. */
        public long heldBytes() {
            long bytes = 256 + (bodyBytes == null ? 0 : bodyBytes.length) + 2L * length(rawBody) + 2L * length(error)
                    + 2L * length(session) + (end == null ? 0 : 64);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                bytes += 64 + 2L * (length(h.getKey()) + length(h.getValue()));
            }
            for (Violation v : violations) {
                bytes += 128 + 2L * length(v.message());
            }
            return bytes + 32L * faults.size();
        }

        private static int length(String s) {
            return s == null ? 0 : s.length();
        }

        /** One console line: {@code #3 POST /serverless/v1/chat/completions 422 top_p must be in (0, 1], got 0}. */
        public String summary() {
            StringBuilder sb = new StringBuilder().append('#').append(id).append(' ').append(method).append(' ')
                    .append(path).append(' ').append(status);
            if (stream && status == 200) {
                sb.append(" stream");
            }
            if (model != null) {
                sb.append(" model=").append(model);
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
    private final long limitBytes;
    private final java.util.function.Consumer<Entry> listener;
    /** By id, oldest first. */
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
    private long heldBytes;
    private long nextId = 1;

    public Journal(int capacity) {
        this(capacity, entry -> { });
    }

    /** @param listener told of every entry as it is recorded (even when the capacity is 0) */
    public Journal(int capacity, java.util.function.Consumer<Entry> listener) {
        this(capacity, Long.MAX_VALUE, listener);
    }

    /**
     * @param limitBytes the most memory the kept entries may hold together
     * @param listener   told of every entry as it is recorded (even when the capacity is 0)
     */
    public Journal(int capacity, long limitBytes, java.util.function.Consumer<Entry> listener) {
        this.capacity = capacity;
        this.limitBytes = limitBytes;
        this.listener = listener;
    }

    /**
     * An Authorization value as the journal keeps it: the scheme, the token's first four characters and a fingerprint
     * (six hex digits of its SHA-256) — enough to tell two clients apart (Friendli tokens all begin {@code flp_}),
     * never enough to use the token.
     */
    public static String maskAuthorization(String authorization) {
        String t = authorization.trim();
        int space = t.indexOf(' ');
        if (space < 0) {
            return "***";
        }
        String token = t.substring(space + 1).trim();
        String visible = token.length() > 4 ? token.substring(0, 4) : "";
        return t.substring(0, space) + " " + visible + "***" + (token.isEmpty() ? "" : "#" + fingerprint(token));
    }

    private static String fingerprint(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The wait an answer asked for, as the verdict judges it: {@code retry-after-ms} when it is a number, else
     * {@code Retry-After} in seconds; null when neither is (an HTTP date is not judged).
     */
    public static Long waitAskedMs(String retryAfterMs, String retryAfterSeconds) {
        try {
            if (retryAfterMs != null) {
                return Long.parseLong(retryAfterMs.trim());
            }
        } catch (NumberFormatException notANumber) {
            // fall back to Retry-After
        }
        try {
            return retryAfterSeconds == null ? null : Long.parseLong(retryAfterSeconds.trim()) * 1000;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** What the journal keeps of a body that is not JSON (or too large to keep): the start of its text, or null. */
    public static String rawPrefix(byte[] body) {
        return body.length == 0 ? null
                : new String(body, 0, Math.min(body.length, RAW_PREFIX_BYTES), java.nio.charset.StandardCharsets.UTF_8);
    }

    public synchronized long nextId() {
        return nextId++;
    }

    /** The most memory an entry's body may take and still be kept whole. */
    public long bodyLimitBytes() {
        return limitBytes / 4;
    }

    /** Records an entry; never throws (an entry that cannot be told or kept is dropped). */
    public void record(Entry entry) {
        try {
            listener.accept(entry);
        } catch (RuntimeException listenerFailed) {
            // the journal is a record, not part of the answer
        }
        keep(entry);
    }

    private synchronized void keep(Entry entry) {
        if (capacity == 0) {
            return;
        }
        long bytes = entry.heldBytes();
        if (bytes > limitBytes) {
            return;
        }
        entries.put(entry.id(), entry);
        heldBytes += bytes;
        Iterator<Entry> oldest = entries.values().iterator();
        while ((entries.size() > capacity || heldBytes > limitBytes) && oldest.hasNext()) {
            heldBytes -= oldest.next().heldBytes();
            oldest.remove();
        }
    }

    /** Records how the delivery of entry {@code id} ended; ignored when the entry is no longer held. */
    public synchronized void ended(long id, StreamEnd end) {
        Entry before = entries.get(id);
        if (before != null) {
            Entry after = before.ended(end);
            entries.put(id, after);
            heldBytes += after.heldBytes() - before.heldBytes();
        }
    }

    /** Memory the kept entries hold, about. */
    public synchronized long heldBytes() {
        return heldBytes;
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public synchronized void clear() {
        entries.clear();
        heldBytes = 0;
    }

    /** Forgets the entries of one session. */
    public synchronized void clearSession(String session) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (Objects.equals(e.session(), session)) {
                heldBytes -= e.heldBytes();
                it.remove();
            }
        }
    }
}
