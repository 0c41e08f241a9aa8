package io.friendlikit.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the harness whose mistakes would silently skew its figures. */
class HarnessPartsTest {

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aSizedAnswerIsReadToItsEndAndTheConnectionKept() throws IOException {
        ByteArrayInputStream in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 422 X\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertThat(LoadDriver.read(in)).isEqualTo(new LoadDriver.Answer(200, true, false));
        assertThat(LoadDriver.read(in).status()).isEqualTo(422);
    }

    @Test
    void aChunkedStreamCountsAsAnsweredOnlyWithDoneEvenWhenDoneIsSplitAcrossChunks() throws IOException {
        String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        String withDone = head + "a\r\ndata: {}\n\n\r\n7\r\ndata: [\r\n7\r\nDONE]\n\n\r\n0\r\n\r\n";
        assertThat(LoadDriver.read(bytes(withDone)).sawDone()).isTrue();
        String cut = head + "a\r\ndata: {}\n\n\r\n0\r\n\r\n";
        assertThat(LoadDriver.read(bytes(cut)).sawDone()).isFalse();
    }

    @Test
    void aConnectionClosedInsideTheBodyIsAnError() {
        assertThatThrownBy(() -> LoadDriver.read(bytes("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhel")))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> LoadDriver.read(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "9\r\ndata")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void closeHeaderEndsKeepAlive() throws IOException {
        assertThat(LoadDriver.read(bytes("HTTP/1.1 400 Bad\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
                .keepAlive()).isFalse();
    }

    @Test
    void theRequestCarriesItsExactLengthAndAuth() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String req = new String(LoadDriver.request(new InetSocketAddress("127.0.0.1", 9), body),
                StandardCharsets.US_ASCII);
        assertThat(req).startsWith("POST /serverless/v1/chat/completions HTTP/1.1\r\n")
                .contains("Content-Length: 7\r\n", "Authorization: Bearer bench\r\n").endsWith("\r\n\r\n{\"a\":1}");
    }

    @Test
    void theCeilingWritesTheSameEventsAsTheMockTranscript() {
        List<byte[]> events = BareCeiling.events(BareCeiling.resource("bench/stream.sse"));
        assertThat(events).hasSizeGreaterThan(60);
        assertThat(new String(events.get(events.size() - 1), StandardCharsets.UTF_8)).isEqualTo("data: [DONE]\n\n");
        assertThat(events).allSatisfy(e -> assertThat(new String(e, StandardCharsets.UTF_8))
                .startsWith("data: ").endsWith("\n\n"));
        assertThat(BareCeiling.indexOf(BareCeiling.resource("bench/stream-request.json"),
                "\"stream\":true".getBytes(StandardCharsets.US_ASCII))).isPositive();
        assertThat(BareCeiling.indexOf(BareCeiling.resource("bench/request.json"),
                "\"stream\":true".getBytes(StandardCharsets.US_ASCII))).isNegative();
    }

    @Test
    void targetsReadRatiosAndAbsoluteBounds() {
        assertThat(Bench.Target.atLeast(0.7).met(70, 0.71)).isTrue();
        assertThat(Bench.Target.atLeast(0.7).met(70, 0.69)).isFalse();
        assertThat(Bench.Target.atMost(1.5).met(9, 1.6)).isFalse();
        assertThat(Bench.Target.absoluteAtMost(25).met(24.9, 99)).isTrue();
        assertThat(Bench.Target.absoluteAtMost(25).met(25.1, 0.1)).isFalse();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        LoadDriver.Result r = new LoadDriver.Result("x", 1, 1, 1, 0, 1, 1, 1);
        List<Bench.Measurement> ms = List.of(
                new Bench.Measurement(1, 0, r, 0, r, 0, 0, 0, 0),
                new Bench.Measurement(4, 0, r, 0, r, 0, 0, 0, 0),
                new Bench.Measurement(2, 0, r, 0, r, 0, 0, 0, 0),
                new Bench.Measurement(9, 0, r, 0, r, 0, 0, 0, 0));
        assertThat(Bench.median(ms, Bench.Measurement::startMs)).isEqualTo(3.0);
    }
}
