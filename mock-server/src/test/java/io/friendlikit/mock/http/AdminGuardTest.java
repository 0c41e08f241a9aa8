package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The admin API cannot be driven or read by a web page: JSON bodies only, known hosts only, optional token. */
class AdminGuardTest {

    private static final String FAULT = "{\"type\":\"http_error\",\"status\":503}";

    @Test
    void aTextPlainBodyAsAPageCouldSendWithoutPreflightIsRefused() {
        try (TestServer mock = TestServer.start()) {
            mock.bare().contentType("text/plain").body(FAULT).post("/__admin/faults").then().statusCode(415)
                    .body("error.code", equalTo("unsupported_media_type"))
                    .body("error.param", equalTo("Content-Type"))
                    .body("message", containsString("application/json"));
            assertThat(mock.server().faults().list()).as("no fault was added").isEmpty();
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
            mock.bare().contentType("text/plain").body("").post("/__admin/reset").then().statusCode(415);
            assertThat(mock.server().journal().entries()).as("the journal was not reset").hasSize(1);
            mock.bare().contentType("application/x-www-form-urlencoded").body("a=b").post("/__admin/reset").then()
                    .statusCode(415);
            mock.bare().contentType("application/json; charset=utf-8").body(FAULT).post("/__admin/faults").then()
                    .statusCode(201);
            try (RawHttp raw = new RawHttp(mock.server().baseUri())) {
                RawHttp.Response r = raw.send("POST /__admin/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 0\r\n\r\n").read();
                assertThat(r.status()).as("no body and no type is fine").isEqualTo(204);
            }
        }
    }

    @Test
    void aBodyWithoutAnyContentTypeIsRefused() {
        try (TestServer mock = TestServer.start();
             RawHttp raw = new RawHttp(mock.server().baseUri())) {
            RawHttp.Response r = raw.send("POST /__admin/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                    + FAULT.length() + "\r\n\r\n" + FAULT).read();
            assertThat(r.status()).isEqualTo(415);
            assertThat(mock.server().faults().list()).isEmpty();
        }
    }

    @Test
    void aHostNameOtherThanLocalhostOrAConfiguredOneIsRefusedAsDnsRebindingWouldSendIt() {
        try (TestServer mock = new TestServer(MockServer.builder().set(Setting.ADMIN_HOSTS, Set.of("mock.test")))) {
            mock.bare().header("Host", "attacker.example").get("/__admin/journal").then().statusCode(403)
                    .body("error.code", equalTo("admin_host_refused"))
                    .body("message", containsString("attacker.example"));
            mock.bare().header("Host", "attacker.example:" + mock.server().port()).contentType("application/json")
                    .post("/__admin/reset").then().statusCode(403);
            for (String host : new String[] {"localhost", "localhost:8080", "127.0.0.1:1", "10.1.2.3", "[::1]:80",
                    "mock.test", "MOCK.test:9"}) {
                mock.bare().header("Host", host).get("/__admin/health").then().statusCode(200);
            }
            mock.authed().header("Host", "attacker.example").body(body("")).post(CHAT).then()
                    .statusCode(200); // the API itself answers any host
        }
    }

    @Test
    void aPageOfAnotherOriginIsRefused() {
        try (TestServer mock = TestServer.start()) {
            mock.bare().header("Origin", "https://evil.example").contentType("application/json")
                    .post("/__admin/reset").then().statusCode(403).body("error.param", equalTo("Origin"));
            mock.bare().header("Origin", "null").get("/__admin/journal").then().statusCode(403);
            mock.bare().header("Origin", "http://localhost:5173").get("/__admin/journal").then().statusCode(200);
        }
    }

    @Test
    void corsForAnyOriginLeavesTheAdminApiOut() {
        try (TestServer mock = new TestServer(MockServer.builder().corsOrigin("*"))) {
            mock.bare().header("Origin", "http://localhost:5173").get("/__admin/health").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue());
            mock.bare().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                    .options("/__admin/faults").then().statusCode(405)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Methods", nullValue());
            mock.bare().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                    .options(CHAT).then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        }
    }

    @Test
    void withAnAdminTokenEveryAdminCallMustSendIt() {
        try (TestServer mock = new TestServer(MockServer.builder().set(Setting.ADMIN_TOKEN, "s3cret"))) {
            mock.bare().get("/__admin/health").then().statusCode(401)
                    .body("error.code", equalTo("invalid_admin_token"))
                    .body("message", containsString("missing X-Admin-Token"));
            mock.bare().header("X-Admin-Token", "wrong").contentType("application/json").body(FAULT)
                    .post("/__admin/faults").then().statusCode(401).body("message", containsString("wrong"));
            assertThat(mock.server().faults().list()).isEmpty();
            mock.bare().header("X-Admin-Token", "s3cret").contentType("application/json").body(FAULT)
                    .post("/__admin/faults").then().statusCode(201);
            mock.bare().header("X-Admin-Token", "s3cret").get("/__admin/faults").then().statusCode(200)
                    .body("faults[0].type", equalTo("http_error"));
            mock.authed().body(body("")).post(CHAT).then().statusCode(503);
        }
    }

    @Test
    void anAdminTokenWithSpacesIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MockServer.builder()
                        .set(Setting.ADMIN_TOKEN, "two words"))
                .hasMessageContaining("--admin-token").hasMessageContaining("without spaces");
    }

}
