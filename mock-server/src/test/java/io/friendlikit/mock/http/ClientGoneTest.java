package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** A paced stream stops soon after its client goes away, and finished streams are no longer counted. */
class ClientGoneTest {

    private static void awaitOpenStreams(MockServer server, int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (server.openStreams() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.openStreams()).as("open streams").isEqualTo(expected);
    }

    @Test
    void streamEndsWithinAboutOneTokenIntervalOfTheClientLeaving() throws Exception {
        try (TestServer mock = new TestServer(MockServer.builder().pacing(0, 200))) {
            String request = body("\"stream\":true,\"max_tokens\":60,\"min_tokens\":60,\"seed\":1");
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", mock.server().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /serverless/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] first = new byte[256];
                assertThat(in.read(first)).as("the stream started").isPositive();
                awaitOpenStreams(mock.server(), 1, 2_000);
            }
            // 60 tokens at 200 ms would take 12 s; the mock notices the closed socket at its next write.
            awaitOpenStreams(mock.server(), 0, 2_000);
            mock.bare().get("/__admin/health").then().statusCode(200)
                    .body("openStreams", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    void completedAndFaultedStreamsAreNotCounted() throws Exception {
        try (TestServer mock = TestServer.start()) {
            mock.rawPost(TestServer.CHAT, body("\"stream\":true"));
            mock.bare().contentType("application/json").body("{\"type\":\"drop_done\",\"times\":1}")
                    .post("/__admin/faults").then().statusCode(201);
            mock.rawPost(TestServer.CHAT, body("\"stream\":true"));
            awaitOpenStreams(mock.server(), 0, 2_000);
        }
    }
}
