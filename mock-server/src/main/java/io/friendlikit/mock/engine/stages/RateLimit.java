package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;

import java.util.Map;

/**
 * Requests per minute and tokens per minute per bearer token (each off when its limit is 0). The tokens of an
 * answer are charged by the stage "count tokens", once they are known; while a limit is on, every answer from this
 * stage on carries the counters ({@link RateLimiter#headers}).
 */
final class RateLimit implements Stage {

    /** Keys are cut to this length, so a huge header cannot become a huge map key. */
    private static final int KEY_LENGTH = 256;

    private final RateLimiter limiter;

    /** @param limits the limits in force, read on every request (an admin call may change them) */
    RateLimit(io.friendlikit.mock.script.RateLimits limits) {
        this.limiter = new RateLimiter(limits);
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public Verdict run(ExchangeState state) {
        if (!limiter.on()) {
            return Verdict.CONTINUE;
        }
        String key = state.exchange().headers().getOrDefault("authorization", "(no token)");
        state.rateLimitKey = key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
        RateLimiter.Refusal refused = limiter.admit(state.rateLimitKey, System.nanoTime());
        if (refused == null) {
            return Verdict.CONTINUE;
        }
        return Verdict.fail(refused.tokens()
                ? ApiError.tokenRateLimited(limiter.tokensPerMinute(), refused.used(), refused.retryAfterSeconds())
                : ApiError.rateLimited(limiter.requestsPerMinute(), refused.retryAfterSeconds()));
    }

    /** Charges the exchange's prompt and completion tokens to its key. */
    void charge(ExchangeState state, long tokens) {
        if (state.rateLimitKey != null) {
            limiter.charge(state.rateLimitKey, tokens, System.nanoTime());
        }
    }

    /** The counters for the exchange's key now; empty when no limit is on or the exchange ended before this stage. */
    Map<String, String> headers(ExchangeState state) {
        return state.rateLimitKey == null ? Map.of() : limiter.headers(state.rateLimitKey, System.nanoTime());
    }

    /** The stage after "generate" that charges the answer's tokens. */
    Stage counter() {
        return new Stage() {
            @Override
            public String name() {
                return "count tokens";
            }

            @Override
            public Verdict run(ExchangeState state) {
                charge(state, (long) state.generation.promptTokens() + state.generation.completionTokens());
                return Verdict.CONTINUE;
            }
        };
    }
}
