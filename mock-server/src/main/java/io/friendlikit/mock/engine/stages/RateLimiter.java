package io.friendlikit.mock.engine.stages;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Requests-per-minute limit per API key, as Friendli's account tiers impose (docs/api-notes.md §10.3): a sliding
 * window of the last minute. Thread-safe; remembers at most {@value #MAX_KEYS} keys (least recently used dropped),
 * so a client inventing tokens cannot grow it without bound.
 */
final class RateLimiter {

    static final int MAX_KEYS = 10_000;
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<String, ArrayDeque<Long>> windows = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** @param perMinute 0 switches the limit off */
    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Counts a request of {@code key} at {@code nowNanos}.
     *
     * @return empty when allowed; else the seconds until the oldest request leaves the window
     */
    synchronized OptionalLong acquire(String key, long nowNanos) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        ArrayDeque<Long> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!window.isEmpty() && nowNanos - window.peekFirst() >= WINDOW_NANOS) {
            window.removeFirst();
        }
        if (window.size() >= perMinute) {
            long waitNanos = WINDOW_NANOS - (nowNanos - window.peekFirst());
            return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
        window.addLast(nowNanos);
        return OptionalLong.empty();
    }
}
