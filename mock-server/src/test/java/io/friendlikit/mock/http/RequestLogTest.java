package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** One console line per chat request tells the user what their client sent and got wrong. */
class RequestLogTest {

    @Test
    void linesNameStatusModelAndTheFirstViolation() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (TestServer mock = new TestServer(MockServer.builder().requestLog(lines::add))) {
            mock.authed().body(body("\"top_p\":0,\"n\":0")).post(CHAT).then().statusCode(422);
            mock.authed().body(body("\"stream\":true")).post(CHAT).then().statusCode(200);
            mock.bare().contentType("application/json").body(body("")).post(CHAT).then().statusCode(401);
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("#1 POST /serverless/v1/chat/completions 422 model=meta-llama-3.1-8b-instruct")
                .contains("top_p must be in (0, 1], got 0 (+1 more)");
        assertThat(lines.get(1)).isEqualTo("#2 POST /serverless/v1/chat/completions 200 stream model=meta-llama-3.1-8b-instruct");
        assertThat(lines.get(2)).startsWith("#3 POST /serverless/v1/chat/completions 401")
                .endsWith("missing Authorization header; send 'Authorization: Bearer <token>'");
    }
}
