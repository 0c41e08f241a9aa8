package io.friendlikit.mock.admin;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET/PUT /__admin/limits}: the request and token limits set at runtime, and restored by a reset. */
class LimitsAdminTest {

    private static void put(TestServer mock, String json, int status) {
        mock.bare().contentType("application/json").body(json).put("/__admin/limits").then().statusCode(status);
    }

    @Test
    void theStartValuesAreReadBackAndARequestLimitSetAtRuntimeApplies() {
        try (TestServer mock = new TestServer(MockServer.builder().rateLimitRpm(100))) {
            mock.bare().get("/__admin/limits").then().statusCode(200).body("requestsPerMinute", equalTo(100))
                    .body("tokensPerMinute", nullValue()).body("atStart.requestsPerMinute", equalTo(100));
            put(mock, "{\"requestsPerMinute\": 2}", 200);
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            mock.authed().body(body("")).post(CHAT).then().statusCode(429).header("Retry-After", notNullValue());
            mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
            mock.bare().get("/__admin/limits").then().statusCode(200).body("requestsPerMinute", equalTo(100));
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void aTokenLimitSetAtRuntimeRefusesOnceSpentAndTheAnswersCarryTheCounters() {
        try (TestServer mock = TestServer.start()) {
            put(mock, "{\"tokensPerMinute\": 20}", 200);
            mock.authed().body(body("\"max_tokens\":16,\"min_tokens\":16")).post(CHAT).then().statusCode(200)
                    .header("x-ratelimit-remaining-tokens", notNullValue());
            mock.authed().body(body("\"max_tokens\":16,\"min_tokens\":16")).post(CHAT).then().statusCode(429)
                    .header("Retry-After", notNullValue());
            put(mock, "{\"tokensPerMinute\": null}", 200);
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void badLimitsAreRefusedNamingTheMember() {
        try (TestServer mock = TestServer.start()) {
            mock.bare().contentType("application/json").body("{\"requestsPerMinute\": -1}").put("/__admin/limits")
                    .then().statusCode(400).body("error.param", equalTo("requestsPerMinute"));
            mock.bare().contentType("application/json").body("{\"tokensPerMinute\": \"lots\"}")
                    .put("/__admin/limits").then().statusCode(400).body("error.param", equalTo("tokensPerMinute"));
            mock.bare().contentType("application/json").body("{\"rpm\": 1}").put("/__admin/limits")
                    .then().statusCode(400).body("error.param", equalTo("rpm"));
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }
    }
}
