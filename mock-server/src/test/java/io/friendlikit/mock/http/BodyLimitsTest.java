package io.friendlikit.mock.http;

import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static io.friendlikit.mock.TestServer.CHAT;
import static org.assertj.core.api.Assertions.assertThat;

/** A body over --max-body-bytes gets the 413 envelope however it is framed, and nothing is printed for it. */
class BodyLimitsTest {

    private static final int TWO_MIB = 2 * 1024 * 1024;

    private static String head(String framing) {
        return "POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer t\r\n" + framing + "\r\n";
    }

    private static byte[] chunked(int size, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] data = "a".repeat(chunk).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < size; sent += chunk) {
            out.writeBytes((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static RawHttp.Response send(TestServer mock, String head, byte[] body) {
        try (RawHttp raw = new RawHttp(mock.server().baseUri(), 15_000)) {
            raw.send(head);
            raw.send(body);
            return raw.read();
        }
    }

    @Test
    void aChunkedBodyOfTwoMebibytesGets413WithTheEnvelopeAndNoStackTrace() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer mock = TestServer.start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            RawHttp.Response r = send(mock, head("Transfer-Encoding: chunked\r\n"), chunked(TWO_MIB, 8192));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("payload_too_large");
            assertThat(r.json().path("message").asText()).contains("1048576 bytes");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("what the server printed").isEmpty();
    }

    @Test
    void aChunkedBodyJustOverTheLimitGets413AndOneJustUnderIsRead() {
        try (TestServer mock = new TestServer(io.friendlikit.mock.MockServer.builder().maxBodyBytes(1000))) {
            RawHttp.Response over = send(mock, head("Transfer-Encoding: chunked\r\n"), chunked(1100, 100));
            assertThat(over.status()).isEqualTo(413);
            assertThat(over.json().path("message").asText()).contains("limit of 1000 bytes");
            RawHttp.Response under = send(mock, head("Transfer-Encoding: chunked\r\n"), chunked(900, 100));
            assertThat(under.status()).as("900 bytes of 'a' are read, then refused as JSON").isEqualTo(422);
        }
    }

    @Test
    void aSizedBodyOverTheLimitGets413() {
        try (TestServer mock = TestServer.start()) {
            byte[] body = "a".repeat(TWO_MIB).getBytes(StandardCharsets.US_ASCII);
            RawHttp.Response r = send(mock, head("Content-Length: " + body.length + "\r\n"), body);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("payload_too_large");
        }
    }
}
