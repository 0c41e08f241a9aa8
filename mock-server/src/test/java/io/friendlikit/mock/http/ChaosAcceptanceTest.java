package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The chaos faults over HTTP: rate_limit, retry hints, stall, trickle, and what the admin API refuses. */
class ChaosAcceptanceTest {

    private static void addFault(TestServer mock, String json) {
        mock.bare().contentType("application/json").body(json).post("/__admin/faults").then().statusCode(201);
    }

    @Test
    void rateLimitAnswersAsTheLimiterDoes() {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"rate_limit\",\"limit\":60,\"retryAfterSeconds\":3,\"retryAfterMs\":2500,"
                    + "\"shouldRetry\":true,\"times\":1}");
            mock.authed().body(body("")).post(CHAT).then().statusCode(429)
                    .header("Retry-After", "3").header("retry-after-ms", "2500").header("x-should-retry", "true")
                    .header("x-ratelimit-limit-requests", "60").header("x-ratelimit-remaining-requests", "0")
                    .header("x-ratelimit-reset-requests", "3s")
                    .body("error.type", equalTo("rate_limit_error")).body("error.code", equalTo("rate_limit_exceeded"))
                    .body("message", containsString("rate limit of 60 requests per minute"));
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void rateLimitMatchesTheLimitersOwn429Body() {
        try (TestServer limited = new TestServer(MockServer.builder().rateLimitRpm(1));
             TestServer scripted = TestServer.start()) {
            limited.authed().body(body("")).post(CHAT).then().statusCode(200);
            Response real = limited.authed().body(body("")).post(CHAT);
            addFault(scripted, "{\"type\":\"rate_limit\",\"limit\":1,\"retryAfterSeconds\":"
                    + real.header("Retry-After") + "}");
            Response fake = scripted.authed().body(body("")).post(CHAT);
            assertThat(fake.statusCode()).isEqualTo(real.statusCode()).isEqualTo(429);
            assertThat(fake.body().asString()).isEqualTo(real.body().asString());
            assertThat(fake.header("x-ratelimit-limit-requests")).isEqualTo(real.header("x-ratelimit-limit-requests"));
            assertThat(fake.header("x-ratelimit-remaining-requests")).isEqualTo("0")
                    .isEqualTo(real.header("x-ratelimit-remaining-requests"));
        }
    }

    @Test
    void httpErrorCarriesTheRetryHintsOnlyWhenGiven() {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"http_error\",\"status\":500,\"retryAfterMs\":10,\"shouldRetry\":false,"
                    + "\"times\":1}");
            addFault(mock, "{\"type\":\"http_error\",\"status\":502,\"times\":1}");
            mock.authed().body(body("")).post(CHAT).then().statusCode(500)
                    .header("retry-after-ms", "10").header("x-should-retry", "false");
            Response plain = mock.authed().body(body("")).post(CHAT);
            assertThat(plain.statusCode()).isEqualTo(502);
            assertThat(plain.header("retry-after-ms")).isNull();
            assertThat(plain.header("x-should-retry")).isNull();
        }
    }

    @Test
    void aStalledStreamWritesItsFirstFramesThenNothingAndEndsWhenTheClientLeaves() throws Exception {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"stall\",\"afterChunks\":2,\"times\":1}");
            try (Socket socket = post(mock, body("\"stream\":true,\"max_tokens\":20,\"min_tokens\":20"))) {
                String got = readFor(socket, 800);
                assertThat(got).startsWith("HTTP/1.1 200").contains("text/event-stream");
                assertThat(frames(got)).as("frames before the stall").isEqualTo(2);
                assertThat(got).doesNotContain("[DONE]");
                assertThat(readFor(socket, 500)).as("silence after the stall").isEmpty();
                assertThat(mock.server().openStreams()).isEqualTo(1);
            }
            awaitOpenStreams(mock.server(), 0, 3_000);
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }
    }

    @Test
    void aStallBeforeAnyFrameStillSendsTheHeaders() throws Exception {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"stall\"}");
            try (Socket socket = post(mock, body("\"stream\":true"))) {
                String got = readFor(socket, 800);
                assertThat(got).startsWith("HTTP/1.1 200").contains("text/event-stream");
                assertThat(frames(got)).isZero();
            }
            awaitOpenStreams(mock.server(), 0, 3_000);
        }
    }

    @Test
    void aStalledPlainAnswerSendsItsHeadersAndNoBody() throws Exception {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"stall\",\"times\":1}");
            try (Socket socket = post(mock, body(""))) {
                String got = readFor(socket, 800);
                assertThat(got).startsWith("HTTP/1.1 200").contains("application/json")
                        .containsIgnoringCase("content-length:");
                assertThat(got.substring(got.indexOf("\r\n\r\n") + 4)).as("no byte of the body").isEmpty();
                assertThat(mock.server().openStreams()).as("held like a stream").isEqualTo(1);
            }
            awaitOpenStreams(mock.server(), 0, 3_000);
        }
    }

    @Test
    void aTrickledBodyArrivesWholeAndSlowly() {
        try (TestServer mock = TestServer.start()) {
            String request = body("\"seed\":3,\"max_tokens\":8");
            String whole = mock.rawPost(CHAT, request).body();
            addFault(mock, "{\"type\":\"trickle\",\"bytesPerWrite\":64,\"delayMs\":20,\"times\":1}");
            long start = System.nanoTime();
            HttpResponse<String> trickled = mock.rawPost(CHAT, request);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(trickled.statusCode()).isEqualTo(200);
            int pieces = (whole.getBytes(StandardCharsets.UTF_8).length + 63) / 64;
            assertThat(pieces).isGreaterThan(3);
            assertThat(elapsedMs).as("%d pieces 20 ms apart", pieces).isGreaterThanOrEqualTo(20L * (pieces - 1));
            assertThat(trickled.headers().firstValue("content-length")).contains(
                    Integer.toString(whole.getBytes(StandardCharsets.UTF_8).length));
            // ids and created come from the server's sequence and clock; the rest is the same answer
            assertThat(strip(trickled.body())).isEqualTo(strip(whole));
            // the lease is given back when the exchange completes, just after the client has read the last byte
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (mock.server().openStreams() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(mock.server().openStreams()).as("the trickle's lease, 2 s after the body").isZero();
        }
    }

    @Test
    void aTrickleIsNotUsedUpByAStream() {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"trickle\",\"times\":1}");
            mock.rawPost(CHAT, body("\"stream\":true"));
            mock.bare().get("/__admin/faults").then().body("faults[0].type", equalTo("trickle"))
                    .body("faults[0].times", equalTo(1));
        }
    }

    @Test
    void aTrickleStopsWhenTheClientLeaves() throws Exception {
        try (TestServer mock = TestServer.start()) {
            addFault(mock, "{\"type\":\"trickle\",\"bytesPerWrite\":1,\"delayMs\":100}");
            try (Socket socket = post(mock, body(""))) {
                assertThat(readFor(socket, 500)).startsWith("HTTP/1.1 200");
                assertThat(mock.server().openStreams()).isEqualTo(1);
            }
            awaitOpenStreams(mock.server(), 0, 3_000);
        }
    }

    @Test
    void probabilityAndSeedAreListedAndBadOnesRefusedNamingTheMember() {
        try (TestServer mock = TestServer.start()) {
            mock.bare().contentType("application/json").body("{\"type\":\"drop_done\",\"probability\":0.25,\"seed\":9}")
                    .post("/__admin/faults").then().statusCode(201).body("probability", equalTo(0.25f))
                    .body("seed", equalTo(9));
            mock.bare().contentType("application/json").body("{\"type\":\"mixed_ids\"}")
                    .post("/__admin/faults").then().statusCode(201).body("probability", equalTo(1.0f))
                    .body("seed", equalTo(2));
            mock.bare().get("/__admin/faults").then().body("faults[0].probability", equalTo(0.25f))
                    .body("faults[0].seed", equalTo(9)).body("faults[1].seed", equalTo(2));
            refused(mock, "{\"type\":\"drop_done\",\"probability\":1.5}", "probability",
                    "probability: must be a number in [0, 1], got 1.5");
            refused(mock, "{\"type\":\"drop_done\",\"probability\":\"half\"}", "probability",
                    "probability: must be a number");
            refused(mock, "{\"type\":\"drop_done\",\"seed\":1.5}", "seed", "seed: must be an integer");
            refused(mock, "{\"type\":\"stall\",\"afterChunks\":-1}", "afterChunks",
                    "afterChunks: must be an integer in [0, 1000000], got -1");
            refused(mock, "{\"type\":\"trickle\",\"bytesPerWrite\":0}", "bytesPerWrite",
                    "bytesPerWrite: must be an integer in [1, 65536], got 0");
            refused(mock, "{\"type\":\"rate_limit\",\"shouldRetry\":\"yes\"}", "shouldRetry",
                    "shouldRetry: must be a boolean");
            refused(mock, "{\"type\":\"http_error\",\"retryAfterMs\":-5}", "retryAfterMs",
                    "retryAfterMs: must be an integer in [0, 86400000], got -5");
            refused(mock, "{\"type\":\"stall\",\"chance\":0.5}", "chance", "chance: no such member here");
            mock.bare().get("/__admin/faults").then().body("faults.size()", equalTo(2));
        }
    }

    private static void refused(TestServer mock, String fault, String param, String message) {
        mock.bare().contentType("application/json").body(fault).post("/__admin/faults").then().statusCode(400)
                .body("error.code", equalTo("invalid_admin_request")).body("error.param", equalTo(param))
                .body("error.message", containsString(message));
    }

    private static String strip(String json) {
        return json.replaceAll("\"id\":\"[^\"]*\"", "").replaceAll("\"created\":\\d+", "");
    }

    private static Socket post(TestServer mock, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", mock.server().port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    /** What arrives on the socket within {@code ms} (reading until then, or until the server closes). */
    private static String readFor(Socket socket, long ms) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + ms * 1_000_000;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static int frames(String raw) {
        int count = 0;
        for (int at = raw.indexOf("data: "); at >= 0; at = raw.indexOf("data: ", at + 1)) {
            count++;
        }
        return count;
    }

    private static void awaitOpenStreams(MockServer server, int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (server.openStreams() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.openStreams()).as("open streams").isEqualTo(expected);
    }
}
