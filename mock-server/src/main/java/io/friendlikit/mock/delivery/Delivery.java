package io.friendlikit.mock.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a 200 answer is written beyond its content: extra response headers (rate-limit counters), and the faults of
 * the writing itself. A stalled answer writes its status and headers (a stream also its first
 * {@code stallAfterChunks} frames) and then nothing until the client leaves; a trickled plain body is written
 * {@code trickleBytes} at a time, {@code trickleDelayMs} apart.
 *
 * @param headers          further response headers (lower-case names), in order
 * @param stallAfterChunks frames a stream writes before it stalls (a plain answer stalls after its headers), or
 *                         null for no stall
 * @param trickleBytes     bytes per write of a trickled plain body, or 0 for one write
 * @param trickleDelayMs   delay before each write of a trickled plain body
 */
public record Delivery(Map<String, String> headers, Integer stallAfterChunks, int trickleBytes, long trickleDelayMs) {

    public static final Delivery NONE = new Delivery(Map.of(), null, 0, 0);

    public Delivery {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (stallAfterChunks != null && stallAfterChunks < 0) {
            throw new IllegalArgumentException("stallAfterChunks must be >= 0, got " + stallAfterChunks);
        }
        if (trickleBytes < 0 || trickleDelayMs < 0) {
            throw new IllegalArgumentException("a trickle needs bytes >= 0 and a delay >= 0");
        }
    }

    public Delivery withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Delivery(all, stallAfterChunks, trickleBytes, trickleDelayMs);
    }

    public Delivery withStallAfter(int chunks) {
        return new Delivery(headers, chunks, trickleBytes, trickleDelayMs);
    }

    public Delivery withTrickle(int bytes, long delayMs) {
        return new Delivery(headers, stallAfterChunks, bytes, delayMs);
    }

    public boolean stalls() {
        return stallAfterChunks != null;
    }

    public boolean trickles() {
        return trickleBytes > 0;
    }
}
