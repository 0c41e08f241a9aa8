package io.friendlikit.mock.junit5;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fault as {@code POST /__admin/faults} takes it: a {@code type}, its parameters and an optional {@code times}.
 * Immutable; every method returns a new spec. The named factories cover the closed set of fault types of
 * mock-server/ADMIN-API.md; {@link #of(String)} and {@link #with(String, Object)} write any member the admin API
 * takes, so a parameter the factories do not name is still reachable (an unknown one is answered 400).
 */
public final class FaultSpec {

    private final String type;
    private final Map<String, Object> members;
    private final Integer times;

    private FaultSpec(String type, Map<String, Object> members, Integer times) {
        this.type = Objects.requireNonNull(type, "type");
        this.members = members;
        this.times = times;
    }

    /** A fault of this {@code type} with no parameters (the admin API's defaults apply). */
    public static FaultSpec of(String type) {
        return new FaultSpec(type, Map.of(), null);
    }

    /** Answers the error envelope with this status (400–599) before any processing. */
    public static FaultSpec httpError(int status) {
        return of("http_error").with("status", status);
    }

    /** Delays the first chunk (or the plain body) and each later chunk. */
    public static FaultSpec latency(long firstTokenMs, long interTokenMs) {
        return of("latency").with("firstTokenMs", firstTokenMs).with("interTokenMs", interTokenMs);
    }

    /** Request validation is off: out-of-range values are accepted. */
    public static FaultSpec skipValidation() {
        return of("skip_validation");
    }

    /** {@code total_tokens} = prompt + completion + delta. */
    public static FaultSpec wrongUsageTotal(int delta) {
        return of("wrong_usage_total").with("delta", delta);
    }

    /** No {@code role} in the first delta of a stream. */
    public static FaultSpec missingRole() {
        return of("missing_role");
    }

    /** Each chunk of a stream gets its own id. */
    public static FaultSpec mixedIds() {
        return of("mixed_ids");
    }

    /** That frame's JSON (1-based) is cut in half. */
    public static FaultSpec malformedChunk(int chunk) {
        return of("malformed_chunk").with("chunk", chunk);
    }

    /** The stream ends without {@code data: [DONE]}. */
    public static FaultSpec dropDone() {
        return of("drop_done");
    }

    /** One more frame after {@code data: [DONE]}. */
    public static FaultSpec dataAfterDone() {
        return of("data_after_done");
    }

    /** After that many chunks, an error object in the stream, and the stream ends. */
    public static FaultSpec streamError(int afterChunks, String message) {
        return of("stream_error").with("afterChunks", afterChunks).with("message", message);
    }

    /** The connection is dropped after that many chunks. */
    public static FaultSpec disconnect(int afterChunks) {
        return of("disconnect").with("afterChunks", afterChunks);
    }

    /** A 429 as the request limiter sends it when a token's {@code limit} requests per minute are used up. */
    public static FaultSpec rateLimit(int limit) {
        return of("rate_limit").with("limit", limit);
    }

    /** The headers (a stream also its first {@code afterChunks} frames), then silence until the client gives up. */
    public static FaultSpec stall(int afterChunks) {
        return of("stall").with("afterChunks", afterChunks);
    }

    /** A plain body written {@code bytesPerWrite} bytes at a time, {@code delayMs} apart. */
    public static FaultSpec trickle(int bytesPerWrite, int delayMs) {
        return of("trickle").with("bytesPerWrite", bytesPerWrite).with("delayMs", delayMs);
    }

    /** Fires on each request reaching its phase with this probability (0–1), drawn from the seeds. */
    public FaultSpec probability(double probability) {
        return with("probability", probability);
    }

    /** The fault's own seed for its probability draws (default: the number in its id). */
    public FaultSpec seed(long seed) {
        return with("seed", seed);
    }

    /** The same fault with one more member, e.g. {@code httpError(429).with("retryAfterSeconds", 1)}. */
    public FaultSpec with(String member, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(members);
        next.put(Objects.requireNonNull(member, "member"), value);
        return new FaultSpec(type, Collections.unmodifiableMap(next), times);
    }

    /** {@code message} of an {@code http_error} or {@code stream_error}. */
    public FaultSpec message(String message) {
        return with("message", message);
    }

    /** {@code retryAfterSeconds} of an {@code http_error}: the answer carries {@code Retry-After}. */
    public FaultSpec retryAfterSeconds(int seconds) {
        return with("retryAfterSeconds", seconds);
    }

    /** Applies to the next {@code n} chat requests only (without it: to every request until removed). */
    public FaultSpec times(int n) {
        return new FaultSpec(type, members, n);
    }

    public String type() {
        return type;
    }

    /** The parameters, without {@code type} and {@code times}. */
    public Map<String, Object> parameters() {
        return members;
    }

    /** The {@code times} member, or null for "until removed". */
    public Integer times() {
        return times;
    }

    /** The admin body: {@code type}, the parameters, then {@code times} if set. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.putAll(members);
        if (times != null) {
            body.put("times", times);
        }
        return body;
    }

    @Override
    public String toString() {
        return body().toString();
    }
}
