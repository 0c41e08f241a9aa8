package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.script.RateLimits;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests per minute and tokens per minute per API key, as Friendli's account tiers impose (docs/api-notes.md
 * §10.3): sliding windows of the last minute. A request is admitted while its key has a request left and has not
 * used up its tokens; its tokens (prompt + completion) are charged once its answer is generated
 * ({@link #charge}), so the request that crosses the token limit is still served and the ones after it get 429
 * until enough of the minute has passed. Tokens are counted in one-second slots (a slot leaves the window a minute
 * after its last charge). Thread-safe; remembers at most {@value #MAX_KEYS} keys (least recently used dropped), so a
 * client inventing tokens cannot grow it without bound.
 */
final class RateLimiter {

    static final int MAX_KEYS = 10_000;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final long SLOT_NANOS = 1_000_000_000L;

    /** Why a request was refused: which limit, what the key has used of it, and the seconds until it may retry. */
    record Refusal(boolean tokens, long used, long retryAfterSeconds) {
    }

    /** The last minute of one key. */
    private static final class Window {
        final ArrayDeque<Long> requests = new ArrayDeque<>();
        /** Token slots, oldest first: {start, last charge, tokens}. */
        final ArrayDeque<long[]> slots = new ArrayDeque<>();
        long tokens;

        void expire(long now) {
            while (!requests.isEmpty() && now - requests.peekFirst() >= WINDOW_NANOS) {
                requests.removeFirst();
            }
            while (!slots.isEmpty() && now - slots.peekFirst()[1] >= WINDOW_NANOS) {
                tokens -= slots.removeFirst()[2];
            }
        }
    }

    private final RateLimits limits;
    /** The limits as last read from {@link #limits}, and the version they had. */
    private int requestsPerMinute;
    private long tokensPerMinute;
    private long version = -1;
    private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /**
     * @param requestsPerMinute 0 switches the request limit off
     * @param tokensPerMinute   0 switches the token limit off
     */
    RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this(new RateLimits(requestsPerMinute, tokensPerMinute));
    }

    /** Follows {@code limits}: when they change, every key starts with an empty window. */
    RateLimiter(RateLimits limits) {
        this.limits = limits;
        refresh();
    }

    /** Requests-per-minute only. */
    RateLimiter(int requestsPerMinute) {
        this(requestsPerMinute, 0);
    }

    /** Whether any limit is on (only then do answers carry the counters). */
    synchronized boolean on() {
        refresh();
        return requestsPerMinute > 0 || tokensPerMinute > 0;
    }

    synchronized int requestsPerMinute() {
        refresh();
        return requestsPerMinute;
    }

    synchronized long tokensPerMinute() {
        refresh();
        return tokensPerMinute;
    }

    /** Reads the limits in force; if they changed, forgets what every key used (the new limits start afresh). */
    private synchronized void refresh() {
        long now = limits.version();
        if (now != version) {
            RateLimits.Limits in = limits.current();
            requestsPerMinute = in.requestsPerMinute();
            tokensPerMinute = in.tokensPerMinute();
            windows.clear();
            version = now;
        }
    }

    /**
     * Counts a request of {@code key} at {@code nowNanos} if its limits allow it.
     *
     * @return null when admitted (and counted); else which limit refused it
     */
    synchronized Refusal admit(String key, long nowNanos) {
        if (!on()) {
            return null;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.expire(nowNanos);
        if (requestsPerMinute > 0 && w.requests.size() >= requestsPerMinute) {
            return new Refusal(false, w.requests.size(),
                    seconds(WINDOW_NANOS - (nowNanos - w.requests.peekFirst())));
        }
        if (tokensPerMinute > 0 && w.tokens >= tokensPerMinute) {
            return new Refusal(true, w.tokens, seconds(untilTokensBelowLimit(w, nowNanos)));
        }
        if (requestsPerMinute > 0) {
            w.requests.addLast(nowNanos);
        }
        return null;
    }

    /** The old entry point: empty when admitted, else the seconds until the key may retry. */
    java.util.OptionalLong acquire(String key, long nowNanos) {
        Refusal r = admit(key, nowNanos);
        return r == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r.retryAfterSeconds());
    }

    /** Charges {@code tokens} to {@code key} at {@code nowNanos} (nothing when the token limit is off). */
    synchronized void charge(String key, long tokens, long nowNanos) {
        refresh();
        if (tokensPerMinute <= 0 || tokens <= 0) {
            return;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.expire(nowNanos);
        long[] last = w.slots.peekLast();
        if (last != null && nowNanos - last[0] < SLOT_NANOS) {
            last[1] = nowNanos;
            last[2] += tokens;
        } else {
            w.slots.addLast(new long[] {nowNanos, nowNanos, tokens});
        }
        w.tokens += tokens;
    }

    /**
     * The counters of {@code key} at {@code nowNanos}, as OpenAI names them: for each limit that is on,
     * {@code x-ratelimit-limit-*}, {@code x-ratelimit-remaining-*} and {@code x-ratelimit-reset-*} (the time until
     * the window is empty again, e.g. {@code 59.98s}); empty when no limit is on.
     */
    synchronized Map<String, String> headers(String key, long nowNanos) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!on()) {
            return out;
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        w.expire(nowNanos);
        if (requestsPerMinute > 0) {
            out.put("x-ratelimit-limit-requests", Integer.toString(requestsPerMinute));
        }
        if (tokensPerMinute > 0) {
            out.put("x-ratelimit-limit-tokens", Long.toString(tokensPerMinute));
        }
        if (requestsPerMinute > 0) {
            out.put("x-ratelimit-remaining-requests", Integer.toString(Math.max(0,
                    requestsPerMinute - w.requests.size())));
        }
        if (tokensPerMinute > 0) {
            out.put("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, tokensPerMinute - w.tokens)));
        }
        if (requestsPerMinute > 0) {
            out.put("x-ratelimit-reset-requests", duration(w.requests.isEmpty() ? 0
                    : WINDOW_NANOS - (nowNanos - w.requests.peekLast())));
        }
        if (tokensPerMinute > 0) {
            out.put("x-ratelimit-reset-tokens", duration(w.slots.isEmpty() ? 0
                    : WINDOW_NANOS - (nowNanos - w.slots.peekLast()[1])));
        }
        return out;
    }

    /** Nanoseconds until the oldest slots have left the window so that the key is below its token limit. */
    private long untilTokensBelowLimit(Window w, long nowNanos) {
        long left = w.tokens;
        for (long[] slot : w.slots) {
            left -= slot[2];
            if (left < tokensPerMinute) {
                return WINDOW_NANOS - (nowNanos - slot[1]);
            }
        }
        return WINDOW_NANOS;
    }

    /** Whole seconds, rounded up, at least 1 (the value of a Retry-After header). */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** A duration as OpenAI writes its reset counters: {@code 0s}, {@code 850ms}, {@code 12.5s}, {@code 1m0s}. */
    static String duration(long nanos) {
        long ms = Math.max(0, (nanos + 999_999) / 1_000_000);
        if (ms == 0) {
            return "0s";
        }
        if (ms < 1_000) {
            return ms + "ms";
        }
        long minutes = ms / 60_000;
        String seconds = BigDecimal.valueOf(ms % 60_000, 3).stripTrailingZeros().toPlainString();
        return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
    }
}
