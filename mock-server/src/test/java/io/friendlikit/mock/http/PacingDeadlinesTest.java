package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;
import org.xnio.XnioWorker;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paced stream's frames are due at fixed times after the stream's start: when the IO threads are held up for a
 * while mid-stream, the frames that fell due meanwhile go out at once and the stream still ends on time, instead
 * of every later frame moving back by the delay.
 */
class PacingDeadlinesTest {

    private static final long HOLD_MS = 600;

    @Test
    void aHeldUpStreamCatchesUpWithItsSchedule() throws Exception {
        try (TestServer mock = new TestServer(MockServer.builder().pacing(20, 20))) {
            mock.rawPost(TestServer.CHAT, body("\"stream\":true")); // warm up
            // 50 content tokens and the finishing chunk: the last is due 20 + 50 × 20 = 1,020 ms after the start.
            String request = body("\"stream\":true,\"max_tokens\":50,\"min_tokens\":50,\"seed\":1");
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", mock.server().port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                long sent = System.nanoTime();
                out.write(("POST /serverless/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer t\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.read(new byte[256])).as("the stream started").isPositive();
                long firstFrame = System.nanoTime();
                holdIoThreads(mock.server(), HOLD_MS);
                String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                long end = System.nanoTime();
                assertThat(rest).contains("data: [DONE]");
                assertThat(TimeUnit.NANOSECONDS.toMillis(end - sent)).as("the stream is never early")
                        .isGreaterThanOrEqualTo(1_000);
                // The first frame came at 20 ms (or later, when the mock was slow to start the stream): the last
                // is due at most 1,000 ms after it, however long the hold.
                assertThat(TimeUnit.NANOSECONDS.toMillis(end - firstFrame))
                        .as("the rest of a stream due 1,000 ms after its first frame, held up %d ms on the way",
                                HOLD_MS).isLessThan(1_000 + HOLD_MS - 250);
            }
        }
    }

    /** Keeps every IO thread of the server busy for {@code ms}, starting now. */
    private static void holdIoThreads(MockServer server, long ms) throws Exception {
        Field listenerField = MockServer.class.getDeclaredField("listener");
        listenerField.setAccessible(true);
        Object listener = listenerField.get(server);
        Field workerField = listener.getClass().getDeclaredField("worker");
        workerField.setAccessible(true);
        XnioWorker worker = (XnioWorker) workerField.get(listener);
        CountDownLatch started = new CountDownLatch(worker.getIoThreadCount());
        for (int i = 0; i < worker.getIoThreadCount(); i++) {
            worker.getIoThread(i).execute(() -> {
                started.countDown();
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).as("the IO threads took the hold").isTrue();
    }
}
