package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Browser apps: CORS headers and preflights only when an origin is configured. */
class CorsTest {

    @Test
    void preflightAndHeadersWithAnOrigin() {
        try (TestServer mock = new TestServer(MockServer.builder().corsOrigin("http://localhost:5173"))) {
            mock.bare().header("Origin", "http://localhost:5173")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type")
                    .options(CHAT).then().statusCode(204)
                    .header("Access-Control-Allow-Origin", "http://localhost:5173")
                    .header("Access-Control-Allow-Methods", "POST")
                    .header("Access-Control-Allow-Headers", "authorization, content-type");
            mock.authed().header("Origin", "http://localhost:5173").body(body("")).post(CHAT).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "http://localhost:5173");
            mock.bare().header("Origin", "http://localhost:5173").contentType("application/json").body(body(""))
                    .post(CHAT).then().statusCode(401)
                    .header("Access-Control-Allow-Origin", "http://localhost:5173");
        }
    }

    @Test
    void noCorsByDefault() {
        try (TestServer mock = TestServer.start()) {
            mock.bare().header("Origin", "http://localhost:5173").options(CHAT).then().statusCode(405)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .body("message", containsString("method OPTIONS is not allowed"))
                    .body("error.code", equalTo("method_not_allowed"));
        }
    }
}
