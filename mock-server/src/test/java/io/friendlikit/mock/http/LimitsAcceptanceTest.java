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
}
