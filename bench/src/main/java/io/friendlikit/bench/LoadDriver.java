package io.friendlikit.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator: {@code connections} keep-alive connections, each sending the same request
 * as soon as the previous answer has been read in full, until a deadline. Reads plain bodies by
 * {@code Content-Length} and streams by chunked framing, chunk by chunk as they arrive; a stream counts as
 * answered only if it ends with {@code data: [DONE]}. Latency is from the first byte written to the last byte
 * read, recorded in an HdrHistogram.
 */
final class LoadDriver {

    /** What one run measured. */
    record Result(String label, int connections, double seconds, long completed, long errors,
                  double p50Ms, double p99Ms, double maxMs) {
        double perSecond() {
            return seconds == 0 ? 0 : completed / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-28s %3d conns %6.1f s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms"
                    + "  max %7.1f ms  errors %d", label, connections, seconds, perSecond(), p50Ms, p99Ms, maxMs,
                    errors);
        }
    }

    private static final byte[] DONE = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);

    private LoadDriver() {
    }

    /** The request bytes for {@code body}, posted to the serverless chat completions path. */
    static byte[] request(InetSocketAddress address, byte[] body) {
        String head = "POST /serverless/v1/chat/completions HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + address.getPort() + "\r\n"
                + "Authorization: Bearer bench\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    static Result run(String label, InetSocketAddress address, byte[] request, int connections, long millis,
                      boolean stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            histograms.add(h);
            Thread t = new Thread(() -> loop(address, request, deadline, stream, h, errors), "load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(millis + 30_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        histograms.forEach(all::add);
        return new Result(label, connections, seconds, all.getTotalCount(), errors.get(),
                all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6, all.getMaxValue() / 1e6);
    }

    /** Sends requests one after another on one connection (reconnecting after an error) until the deadline. */
    private static void loop(InetSocketAddress address, byte[] request, long deadline, boolean stream,
                             Histogram histogram, AtomicLong errors) {
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.connect(address, 2_000);
                socket.setSoTimeout(10_000);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
                OutputStream out = socket.getOutputStream();
                boolean keepAlive = true;
                while (keepAlive && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    out.write(request);
                    out.flush();
                    Answer answer = read(in);
                    long t1 = System.nanoTime();
                    keepAlive = answer.keepAlive();
                    if (answer.status() == 200 && (!stream || answer.sawDone())) {
                        histogram.recordValue(Math.min(t1 - t0, histogram.getHighestTrackableValue()));
                    } else {
                        errors.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                sleepQuietly();
            }
        }
    }

    record Answer(int status, boolean keepAlive, boolean sawDone) {
    }

    /** Reads one whole response: status line, headers, and a sized or chunked body. */
    static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine.length() < 12) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = true;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                keepAlive = false;
            }
        }
        boolean sawDone = false;
        if (chunked) {
            DoneScanner scanner = new DoneScanner();
            while (true) {
                String sizeLine = line(in);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers, none expected
                    }
                    break;
                }
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new IOException("connection closed inside a chunk");
                }
                scanner.feed(chunk);
                line(in);
            }
            sawDone = scanner.found();
        } else if (length >= 0) {
            in.skipNBytes(length); // EOFException if the connection closes inside the body
        } else {
            keepAlive = false;
            while (in.read() >= 0) {
                // read to the end of the connection
            }
        }
        return new Answer(status, keepAlive, sawDone);
    }

    /** Finds {@code data: [DONE]} across chunk boundaries. */
    static final class DoneScanner {
        private int matched;
        private boolean found;

        void feed(byte[] bytes) {
            for (byte b : bytes) {
                feed(b);
            }
        }

        void feed(byte b) {
            if (found) {
                return;
            }
            matched = b == DONE[matched] ? matched + 1 : (b == DONE[0] ? 1 : 0);
            found = matched == DONE.length;
        }

        boolean found() {
            return found;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
            if (sb.length() > 16_384) {
                throw new IOException("header line too long");
            }
        }
        throw new IOException("connection closed");
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
