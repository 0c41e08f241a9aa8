package io.friendlikit.mock.http;

import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused at the HTTP level: each gets the JSON error envelope, also when Undertow answers before any
 * handler of the mock runs, and a request whose framing is ambiguous closes its connection (RFC 9112 §6).
 */
class ProtocolErrorsTest {

    private static TestServer mock;

    @BeforeAll
    static void start() {
        mock = TestServer.start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static RawHttp.Response exchange(String request) {
        try (RawHttp raw = new RawHttp(mock.server().baseUri())) {
            return raw.send(request).read();
        }
    }

    private static void assertEnvelope(RawHttp.Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(r.json().path("message").asText()).isEqualTo(r.json().path("error").path("message").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a header name with a space   | POST /v1/chat/completions HTTP/1.1\\r\\nHost: a\\r\\nX- 9a: v\\r\\nContent-Length: 2\\r\\n\\r\\n{}",
            "a folded Content-Length      | POST /v1/chat/completions HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 2\\r\\n 3\\r\\n\\r\\n{}",
            "a request line with no path  | GET HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n",
            "a control byte in a header   | GET /serverless/v1/models HTTP/1.1\\r\\nHost: a\\r\\nX-A: b\\u0001c\\r\\n\\r\\n",
            "no Host header on HTTP/1.1   | POST /v1/chat/completions HTTP/1.1\\r\\nContent-Length: 2\\r\\n\\r\\n{}",
            "two Host headers             | POST /v1/chat/completions HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\nContent-Length: 2\\r\\n\\r\\n{}"})
    void whatUndertowCannotParseIsAnsweredWithTheEnvelope(String name, String request) {
        RawHttp.Response r = exchange(unescape(request));
        assertEnvelope(r, 400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("bad_request");
        assertThat(r.json().path("message").asText()).startsWith("malformed HTTP request");
    }

    @Test
    void transferEncodingOtherThanChunkedAloneIsRefusedAndTheConnectionClosed() {
        String chunked = "POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer t\r\nTransfer-Encoding: chunked, identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        String pipelined = "GET /serverless/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        try (RawHttp raw = new RawHttp(mock.server().baseUri(), 3000)) {
            RawHttp.Response r = raw.send(chunked + pipelined).read();
            assertEnvelope(r, 400);
            assertThat(r.json().path("error").path("param").asText()).isEqualTo("Transfer-Encoding");
            assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(raw.rest()).as("the pipelined request is not answered").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "gzip                      | Transfer-Encoding: gzip\\r\\n                          | Transfer-Encoding",
            "two Transfer-Encodings    | Transfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n | (parser)",
            "chunked and a length      | Transfer-Encoding: chunked\\r\\nContent-Length: 5\\r\\n | (parser)",
            "two Authorization headers | Authorization: Bearer a\\r\\nAuthorization: Bearer b\\r\\n | Authorization"})
    void ambiguousFramingOrCredentialsAreRefused(String name, String headers, String param) {
        String request = "POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + unescape(headers.trim()) + "\r\n2\r\n{}\r\n0\r\n\r\n";
        try (RawHttp raw = new RawHttp(mock.server().baseUri(), 3000)) {
            RawHttp.Response r = raw.send(request).read();
            assertEnvelope(r, 400);
            if (param.equals("(parser)")) {
                assertThat(r.json().path("message").asText()).startsWith("malformed HTTP request");
            } else {
                assertThat(r.json().path("error").path("param").asText()).isEqualTo(param);
            }
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("bad_request");
            assertThat(raw.closedByServer()).as("connection closed after the refusal").isTrue();
        }
    }

    @Test
    void aWellFramedChunkedRequestIsStillAnswered() {
        String json = body("");
        String request = "POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        RawHttp.Response r = exchange(request);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("object").asText()).isEqualTo("chat.completion");
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0001", "\u0001");
    }
}
