package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that hangs up on a paced stream takes its stream with it: once the mock has noticed (within about one
 * token interval), neither its exchange nor its plan stays reachable. Counts live objects with the JVM's class
 * histogram (a full collection first). Undertow's own idle timer still holds the bare connection object for its
 * no-request timeout; what the stream held is gone.
 */
class HangUpReleaseTest {

    private static final int HANG_UPS = 150;

    @Test
    void hungUpStreamsLeaveNothingReachable() throws Exception {
        try (TestServer mock = new TestServer(MockServer.builder().pacing(20, 20))) {
            long before = live("io.undertow.server.HttpServerExchange");
            String request = body("\"stream\":true,\"max_tokens\":400,\"min_tokens\":400,\"seed\":1");
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < HANG_UPS; i++) {
                try (Socket socket = new Socket("127.0.0.1", mock.server().port())) {
                    socket.setSoTimeout(5_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /serverless/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: "
                            + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.flush();
                    InputStream in = socket.getInputStream();
                    assertThat(in.read(new byte[512])).as("stream %d started", i).isPositive();
                }
            }
            // 400 tokens at 20 ms would take 8 s each; each writer notices its hang-up at its next write or two.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (mock.server().openStreams() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(mock.server().openStreams()).as("open streams after the hang-ups").isZero();
            Thread.sleep(500);
            long exchanges = live("io.undertow.server.HttpServerExchange") - before;
            assertThat(exchanges).as("exchanges still reachable after %d hang-ups", HANG_UPS).isLessThan(5);
        }
    }

    /** Live instances of a class after a full collection (the HotSpot class histogram). */
    static long live(String className) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)",
                Pattern.MULTILINE).matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
