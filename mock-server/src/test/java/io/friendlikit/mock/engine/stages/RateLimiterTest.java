package io.friendlikit.mock.engine.stages;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-token limits: requests and tokens in a sliding minute, and the counters answers carry. */
class RateLimiterTest {

    private static final long S = 1_000_000_000L;

    @Test
    void requestsBeyondTheLimitAreRefusedUntilTheOldestLeavesTheMinute() {
        RateLimiter limiter = new RateLimiter(2, 0);
        assertThat(limiter.admit("k", 0)).isNull();
        assertThat(limiter.admit("k", 10 * S)).isNull();
        RateLimiter.Refusal refused = limiter.admit("k", 20 * S);
        assertThat(refused).isEqualTo(new RateLimiter.Refusal(false, 2, 40));
        assertThat(limiter.admit("other", 20 * S)).as("per key").isNull();
        assertThat(limiter.admit("k", 60 * S)).as("the first has left the window").isNull();
    }

    @Test
    void tokensAreChargedAfterwardsSoTheRequestThatCrossesTheLimitIsServed() {
        RateLimiter limiter = new RateLimiter(0, 100);
        assertThat(limiter.admit("k", 0)).isNull();
        limiter.charge("k", 60, 0);
        assertThat(limiter.admit("k", 5 * S)).as("40 tokens left: admitted").isNull();
        limiter.charge("k", 70, 5 * S);
        RateLimiter.Refusal refused = limiter.admit("k", 6 * S);
        assertThat(refused).isNotNull();
        assertThat(refused.tokens()).isTrue();
        assertThat(refused.used()).isEqualTo(130);
        assertThat(refused.retryAfterSeconds()).as("until the first 60 leave: 130 - 60 < 100").isEqualTo(54);
        assertThat(limiter.admit("k", 60 * S)).isNull();
    }

    @Test
    void countersAreThoseOfTheLimitsThatAreOn() {
        assertThat(new RateLimiter(0, 0).headers("k", 0)).isEmpty();
        RateLimiter requests = new RateLimiter(5, 0);
        requests.admit("k", 0);
        assertThat(requests.headers("k", S / 2)).containsExactly(Map.entry("x-ratelimit-limit-requests", "5"),
                Map.entry("x-ratelimit-remaining-requests", "4"), Map.entry("x-ratelimit-reset-requests", "59.5s"));
        RateLimiter both = new RateLimiter(5, 1_000);
        both.admit("k", 0);
        both.charge("k", 250, 0);
        assertThat(both.headers("k", 0)).containsExactly(Map.entry("x-ratelimit-limit-requests", "5"),
                Map.entry("x-ratelimit-limit-tokens", "1000"), Map.entry("x-ratelimit-remaining-requests", "4"),
                Map.entry("x-ratelimit-remaining-tokens", "750"), Map.entry("x-ratelimit-reset-requests", "1m0s"),
                Map.entry("x-ratelimit-reset-tokens", "1m0s"));
        assertThat(both.headers("k", 61 * S)).containsEntry("x-ratelimit-remaining-tokens", "1000")
                .containsEntry("x-ratelimit-reset-tokens", "0s");
    }

    @Test
    void durationsAreWrittenAsOpenAiWritesThem() {
        assertThat(RateLimiter.duration(0)).isEqualTo("0s");
        assertThat(RateLimiter.duration(850_000_000L)).isEqualTo("850ms");
        assertThat(RateLimiter.duration(12_500_000_000L)).isEqualTo("12.5s");
        assertThat(RateLimiter.duration(60 * S)).isEqualTo("1m0s");
    }

    @Test
    void keysAreBounded() {
        RateLimiter limiter = new RateLimiter(1, 10);
        for (int i = 0; i < RateLimiter.MAX_KEYS + 50; i++) {
            limiter.admit("k" + i, 0);
            limiter.charge("k" + i, 10, 0);
        }
        assertThat(limiter.admit("k0", 0)).as("the oldest key was forgotten").isNull();
        assertThat(limiter.admit("k" + (RateLimiter.MAX_KEYS + 49), 0)).as("a recent key is remembered").isNotNull();
    }
}
