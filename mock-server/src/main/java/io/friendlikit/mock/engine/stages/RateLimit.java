package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;

import java.util.OptionalLong;

/** Requests per minute per bearer token (off when the limit is 0). */
final class RateLimit implements Stage {

    /** Keys are cut to this length, so a huge header cannot become a huge map key. */
    private static final int KEY_LENGTH = 256;

    private final int perMinute;
    private final RateLimiter limiter;

    RateLimit(int perMinute) {
        this.perMinute = perMinute;
        this.limiter = new RateLimiter(perMinute);
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public Verdict run(ExchangeState state) {
        String key = state.exchange().headers().getOrDefault("authorization", "(no token)");
        OptionalLong retryAfter = limiter.acquire(key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key,
                System.nanoTime());
        return retryAfter.isPresent()
                ? Verdict.fail(ApiError.rateLimited(perMinute, retryAfter.getAsLong()))
                : Verdict.CONTINUE;
    }
}
