package io.friendlikit.mock.script;

/**
 * The request and token limits in force, per minute and bearer token: those of the start settings
 * ({@code --rate-limit-rpm}, {@code --rate-limit-tpm}) until an admin call replaces them, and again after a reset.
 * Thread-safe; every change bumps {@link #version()}, so the limiter knows to start its windows afresh.
 */
public final class RateLimits {

    /** Most requests per minute a limit may allow (as the start setting). */
    public static final int MAX_REQUESTS = 10_000_000;
    /** Most tokens per minute a limit may allow (as the start setting). */
    public static final long MAX_TOKENS = 1_000_000_000_000L;

    /** Both limits; 0 switches one off. */
    public record Limits(int requestsPerMinute, long tokensPerMinute) {
        public Limits {
            if (requestsPerMinute < 0 || requestsPerMinute > MAX_REQUESTS) {
                throw new InvalidMember("requestsPerMinute", "must be null or an integer in [0, " + MAX_REQUESTS
                        + "] (0 or null: no limit), got " + requestsPerMinute);
            }
            if (tokensPerMinute < 0 || tokensPerMinute > MAX_TOKENS) {
                throw new InvalidMember("tokensPerMinute", "must be null or an integer in [0, " + MAX_TOKENS
                        + "] (0 or null: no limit), got " + tokensPerMinute);
            }
        }

        /** Whether any limit is on. */
        public boolean on() {
            return requestsPerMinute > 0 || tokensPerMinute > 0;
        }
    }

    private final Limits atStart;
    private Limits current;
    private long version;

    public RateLimits(Limits atStart) {
        this.atStart = atStart;
        this.current = atStart;
    }

    public RateLimits(int requestsPerMinute, long tokensPerMinute) {
        this(new Limits(requestsPerMinute, tokensPerMinute));
    }

    public synchronized Limits current() {
        return current;
    }

    public Limits atStart() {
        return atStart;
    }

    /** Puts {@code limits} in force; what tokens used so far is forgotten. */
    public synchronized void set(Limits limits) {
        current = limits;
        version++;
    }

    /** Puts the start limits back in force. */
    public void restore() {
        set(atStart);
    }

    /** Changes so far; a limiter that saw another number starts its windows afresh. */
    public synchronized long version() {
        return version;
    }
}
