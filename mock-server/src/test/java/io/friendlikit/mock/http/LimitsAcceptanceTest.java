package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Rate limits (docs/api-notes.md §10.3) and the legacy timeout_microseconds (docs/api-notes.md §10.4), both answered with 429. */
class LimitsAcceptanceTest {

    @Test
    void requestsBeyondThePerTokenRateLimitGet429WithRetryAfter() {
        try (TestServer mock = new TestServer(MockServer.builder().rateLimitRpm(2))) {
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            String retryAfter = mock.authed().body(body("")).post(CHAT).then().statusCode(429)
                    .body("error.type", equalTo("rate_limit_error"))
                    .body("error.code", equalTo("rate_limit_exceeded"))
                    .body("message", containsString("rate limit of 2 requests per minute"))
                    .extract().header("Retry-After");
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
            mock.bare().contentType("application/json").header("Authorization", "Bearer another-token")
                    .body(body("")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void noLimitByDefault() {
        try (TestServer mock = TestServer.start()) {
            for (int i = 0; i < 30; i++) {
                mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            }
        }
    }

    @Test
    void timeoutMicrosecondsShorterThanThePacedAnswerGives429AfterTheTimeout() {
        try (TestServer mock = new TestServer(MockServer.builder().pacing(300, 0))) {
            long start = System.nanoTime();
            mock.authed().body(body("\"timeout_microseconds\":50000")).post(CHAT).then().statusCode(429)
                    .body("error.param", equalTo("timeout_microseconds"))
                    .body("error.code", equalTo("timeout"));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).as("answered once the timeout expired, not at once").isGreaterThanOrEqualTo(50);
            mock.authed().body(body("\"timeout_microseconds\":5000000")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void aTokensPerMinuteLimitCountsPromptAndCompletionTokensAndAnswers429WhenUsedUp() {
        try (TestServer mock = new TestServer(MockServer.builder().rateLimitTpm(100))) {
            long remaining = 100;
            int served = 0;
            while (remaining > 0 && served < 20) {
                io.restassured.response.Response ok = mock.authed().body(body("\"max_tokens\":16")).post(CHAT);
                assertThat(ok.statusCode()).isEqualTo(200);
                int total = ok.jsonPath().getInt("usage.total_tokens");
                assertThat(ok.header("x-ratelimit-limit-tokens")).isEqualTo("100");
                long now = Long.parseLong(ok.header("x-ratelimit-remaining-tokens"));
                assertThat(now).as("remaining after a %d-token answer", total).isEqualTo(Math.max(0, remaining - total));
                assertThat(ok.header("x-ratelimit-reset-tokens")).matches("\\d+(\\.\\d+)?s|\\d+ms|1m0s");
                assertThat(ok.header("x-ratelimit-limit-requests")).as("only the limits that are on").isNull();
                remaining = now;
                served++;
            }
            assertThat(served).as("the limit is reached after a few answers").isBetween(2, 19);
            String retryAfter = mock.authed().body(body("")).post(CHAT).then().statusCode(429)
                    .body("error.type", equalTo("rate_limit_error")).body("error.code", equalTo("rate_limit_exceeded"))
                    .body("message", containsString("rate limit of 100 tokens per minute"))
                    .header("x-ratelimit-remaining-tokens", "0")
                    .extract().header("Retry-After");
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
            mock.bare().contentType("application/json").header("Authorization", "Bearer another-token")
                    .body(body("")).post(CHAT).then().statusCode(200).header("x-ratelimit-remaining-tokens",
                            org.hamcrest.Matchers.not("100"));
        }
    }

    @Test
    void whileALimitIsOnEveryAnswerCarriesTheCountersErrorsAndStreamsIncluded() {
        try (TestServer mock = new TestServer(MockServer.builder().rateLimitRpm(10).rateLimitTpm(100_000))) {
            mock.authed().body(body("")).post(CHAT).then().statusCode(200)
                    .header("x-ratelimit-limit-requests", "10").header("x-ratelimit-remaining-requests", "9")
                    .header("x-ratelimit-limit-tokens", "100000");
            mock.authed().body(body("\"top_p\":0")).post(CHAT).then().statusCode(422)
                    .header("x-ratelimit-remaining-requests", "8");
            java.net.http.HttpResponse<String> stream = mock.rawPost(CHAT, body("\"stream\":true"));
            assertThat(stream.headers().firstValue("x-ratelimit-remaining-requests")).contains("7");
            assertThat(stream.headers().firstValue("x-ratelimit-remaining-tokens")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isLessThan(100_000));
        }
    }

    @Test
    void withoutLimitsThereAreNoCounters() {
        try (TestServer mock = TestServer.start()) {
            io.restassured.response.Response ok = mock.authed().body(body("")).post(CHAT);
            assertThat(ok.headers().asList()).noneSatisfy(h -> assertThat(h.getName()).startsWithIgnoringCase("x-ratelimit"));
        }
    }
}
