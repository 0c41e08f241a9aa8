package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.friendlikit.mock.TestServer.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

/** --read-timeout-ms and --idle-timeout-ms: no request holds a connection open without sending. */
class TimeoutsTest {

    private static TestServer withTimeouts(long readMs, long idleMs) {
        return new TestServer(MockServer.builder().set(Setting.READ_TIMEOUT_MS, readMs)
                .set(Setting.IDLE_TIMEOUT_MS, idleMs));
    }

    @Test
    void aBodyShorterThanItsContentLengthGets408AndTheConnectionIsClosed() {
        try (TestServer mock = withTimeouts(300, 60_000);
             RawHttp raw = new RawHttp(mock.server().baseUri(), 5000)) {
            long start = System.nanoTime();
            RawHttp.Response r = raw.send("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer t\r\nContent-Length: 3\r\n\r\n{}").read();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("request_timeout");
            assertThat(r.json().path("message").asText()).contains("300 ms");
            assertThat(elapsedMs).as("answered once the read timeout passed").isBetween(250L, 4000L);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyThatKeepsComingWithinTheTimeoutIsRead() throws InterruptedException {
        try (TestServer mock = withTimeouts(400, 60_000);
             RawHttp raw = new RawHttp(mock.server().baseUri(), 5000)) {
            String body = TestServer.body("");
            raw.send("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer t\r\nContent-Length: " + body.length() + "\r\n\r\n");
            int half = body.length() / 2;
            for (String part : List.of(body.substring(0, half), body.substring(half))) {
                Thread.sleep(250);
                raw.send(part);
            }
            assertThat(raw.read().status()).as("500 ms in all, never 400 ms without data").isEqualTo(200);
        }
    }

    @Test
    void slowSendersOfRequestHeadsAreDisconnectedAfterTheReadTimeout() {
        try (TestServer mock = withTimeouts(300, 60_000)) {
            List<RawHttp> slow = RawHttp.open(mock.server().baseUri(), 20, 3000);
            try {
                slow.forEach(c -> c.send("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
                for (RawHttp c : slow) {
                    assertThat(c.closedByServer()).as("each slow connection is closed").isTrue();
                }
            } finally {
                slow.forEach(RawHttp::close);
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeoutButAKeptAliveOneServesMore() {
        try (TestServer mock = withTimeouts(5000, 300);
             RawHttp idle = new RawHttp(mock.server().baseUri(), 3000)) {
            assertThat(idle.closedByServer()).as("a connection that sends nothing is closed").isTrue();
            RawHttp busy = new RawHttp(mock.server().baseUri(), 3000);
            String models = "GET /serverless/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            assertThat(busy.send(models).read().status()).isEqualTo(200);
            assertThat(busy.send(models).read().status()).as("kept alive within the idle timeout").isEqualTo(200);
            assertThat(busy.closedByServer()).as("and closed once idle").isTrue();
            busy.close();
        }
    }
}
