package io.friendlikit.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paced streams: many slow streams open at once against a mock started with {@code --first-token-ms} and
 * {@code --inter-token-ms}, read by one selector thread. For every event it records how late it arrived against the
 * stream's own schedule (request written + first-token delay + i × inter-token delay), and it reports how many
 * streams were open at the same time, how many completed with {@code [DONE]}, how many were refused, and the mock's
 * threads and heap (after a full GC, through {@code jcmd}) before, during and after.
 */
final class PacedStreams {

    /** One paced scenario: {@code streams} streams of {@code tokens} tokens, one every {@code interMs}. */
    record Scenario(String name, int streams, int tokens, long interMs, String maxHeap, double p99TargetMs) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("100 streams × 50 tokens at 20 ms", 100, 50, 20, null, 5),
            new Scenario("10,000 streams × 50 tokens at 200 ms (-Xmx512m)", 10_000, 50, 200, "512m", 50));

    private static final long LATER_MS = 65_000;

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private PacedStreams() {
    }

    static void runAll(String java, Bench.Options options, Path out) throws Exception {
        for (Scenario s : SCENARIOS) {
            run(java, options, out, s);
        }
    }

    static void run(String java, Bench.Options options, Path out, Scenario s) throws Exception {
        int port = ServerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(java));
        if (s.maxHeap() != null) {
            cmd.add("-Xmx" + s.maxHeap());
        }
        cmd.addAll(List.of("-jar", options.mockJar.toString(), "--log-requests", "false", "--port",
                Integer.toString(port), "--first-token-ms", Long.toString(s.interMs()), "--inter-token-ms",
                Long.toString(s.interMs())));
        String body = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"stream\":true,\"max_tokens\":" + s.tokens()
                + ",\"min_tokens\":" + s.tokens() + ",\"seed\":3,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Tell me a long story about the sea.\"}]}";
        try (ServerProcess mock = ServerProcess.start("mock", cmd, out.resolve("logs").resolve("paced-"
                + s.streams() + ".log"))) {
            byte[] request = LoadDriver.request(mock.address(), body.getBytes(StandardCharsets.UTF_8));
            byte[] plain = LoadDriver.request(mock.address(), BareCeiling.resource("bench/request.json"));
            mock.awaitFirstAnswer(plain, 30_000);
            long threadsBefore = mock.status("Threads");
            long heapBefore = heapAfterGcKb(java, mock.pid());
            Result r = drive(mock.address(), request, s, () -> {
                try {
                    return mock.status("Threads");
                } catch (IOException e) {
                    return -1L;
                }
            });
            long heapAfter = heapAfterGcKb(java, mock.pid());
            long threadsAfter = mock.status("Threads");
            // Undertow keeps a closed connection's object until its idle timer (the no-request timeout, a minute)
            // has run out: the heap a minute later tells what the streams themselves left behind.
            Thread.sleep(LATER_MS);
            long heapLater = heapAfterGcKb(java, mock.pid());
            System.out.printf(Locale.ROOT, "%n%s%n  completed %d / %d, refused %d, errors %d; at most %d open at once"
                            + "%n  lateness p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 ≤ %.0f ms: %s)"
                            + "%n  lateness against each stream's first frame p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                            + "%n  mock threads %d before, %d at most during, %d after; heap after GC %.1f MB before,"
                            + " %.1f MB after, %.1f MB %d s later; peak RSS %.0f MB%n",
                    s.name(), r.completed, s.streams(), r.refused, r.errors, r.maxOpen,
                    r.lateness.getValueAtPercentile(50) / 1e3, r.lateness.getValueAtPercentile(99) / 1e3,
                    r.lateness.getMaxValue() / 1e3, s.p99TargetMs(),
                    r.lateness.getValueAtPercentile(99) / 1e3 <= s.p99TargetMs() ? "yes" : "NO",
                    r.afterFirst.getValueAtPercentile(50) / 1e3, r.afterFirst.getValueAtPercentile(99) / 1e3,
                    r.afterFirst.getMaxValue() / 1e3,
                    threadsBefore, r.maxThreads, threadsAfter, heapBefore / 1024.0, heapAfter / 1024.0,
                    heapLater / 1024.0, LATER_MS / 1000, mock.status("VmHWM") / 1024.0);
        }
    }

    /** Counters of one scenario; lateness in microseconds. */
    static final class Result {
        final Histogram lateness = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        /** Against the stream's own first frame (first + i × inter): pacing alone, without the wait to start. */
        final Histogram afterFirst = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        int completed;
        int refused;
        int errors;
        int maxOpen;
        long maxThreads;
    }

    /** One stream's reading state. */
    private static final class Conn {
        final SocketChannel channel;
        long writtenNanos;
        long firstEventNanos;
        int events;
        byte previous;
        boolean headersDone;
        int headerMatch;
        boolean statusChecked;
        final StringBuilder statusLine = new StringBuilder();
        final LoadDriver.DoneScanner done = new LoadDriver.DoneScanner();

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static Result drive(InetSocketAddress address, byte[] request, Scenario s,
                        java.util.function.LongSupplier threads) throws IOException {
        Result r = new Result();
        long firstNanos = TimeUnit.MILLISECONDS.toNanos(s.interMs());
        long interNanos = TimeUnit.MILLISECONDS.toNanos(s.interMs());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60) + s.tokens() * interNanos;
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        int open = 0;
        int finished = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < s.streams(); i++) {
                SocketChannel ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.connect(address);
                ch.register(selector, SelectionKey.OP_CONNECT, new Conn(ch));
            }
            long lastThreadSample = 0;
            while (finished < s.streams() && System.nanoTime() < deadline) {
                selector.select(100);
                long now = System.nanoTime();
                if (now - lastThreadSample > TimeUnit.MILLISECONDS.toNanos(500)) {
                    r.maxThreads = Math.max(r.maxThreads, threads.getAsLong());
                    lastThreadSample = now;
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            ByteBuffer req = ByteBuffer.wrap(request);
                            c.writtenNanos = System.nanoTime();
                            while (req.hasRemaining()) {
                                c.channel.write(req); // a few hundred bytes: the socket buffer takes them at once
                            }
                            key.interestOps(SelectionKey.OP_READ);
                            open++;
                            r.maxOpen = Math.max(r.maxOpen, open);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int n = c.channel.read(buffer);
                            long at = System.nanoTime();
                            if (n < 0) {
                                if (c.done.found()) {
                                    r.completed++;
                                } else if (c.statusChecked) {
                                    r.errors++;
                                }
                                key.cancel();
                                c.channel.close();
                                open--;
                                finished++;
                                continue;
                            }
                            buffer.flip();
                            boolean refusedNow = consume(c, buffer, at, firstNanos, interNanos, r);
                            if (refusedNow || c.done.found()) {
                                if (c.done.found()) {
                                    r.completed++;
                                } else {
                                    r.refused++;
                                }
                                key.cancel();
                                c.channel.close();
                                open--;
                                finished++;
                            }
                        }
                    } catch (IOException e) {
                        r.errors++;
                        key.cancel();
                        c.channel.close();
                        if (c.writtenNanos != 0) {
                            open--;
                        }
                        finished++;
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid()) { // still open at the deadline: never finished
                    key.channel().close();
                    r.errors++;
                }
            }
        }
        return r;
    }

    /** Feeds read bytes to the stream's state; true when the answer is not a 200 (the stream was refused). */
    private static boolean consume(Conn c, ByteBuffer bytes, long at, long firstNanos, long interNanos, Result r) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (!c.statusChecked) {
                if (b == '\n') {
                    c.statusChecked = true;
                    if (!c.statusLine.toString().startsWith("HTTP/1.1 200")) {
                        return true;
                    }
                } else {
                    c.statusLine.append((char) b);
                }
                continue;
            }
            if (!c.headersDone) {
                // the blank line after the headers: \r\n\r\n
                c.headerMatch = (b == (c.headerMatch % 2 == 0 ? '\r' : '\n')) ? c.headerMatch + 1
                        : (b == '\r' ? 1 : 0);
                c.headersDone = c.headerMatch == 4;
                continue;
            }
            c.done.feed(b);
            if (b == '\n' && c.previous == '\n') {
                long due = c.writtenNanos + firstNanos + (long) c.events * interNanos;
                r.lateness.recordValue(Math.min(Math.max(0, (at - due) / 1_000), r.lateness.getHighestTrackableValue()));
                if (c.events == 0) {
                    c.firstEventNanos = at;
                } else {
                    long dueAfterFirst = c.firstEventNanos + (long) c.events * interNanos;
                    r.afterFirst.recordValue(Math.min(Math.max(0, (at - dueAfterFirst) / 1_000),
                            r.afterFirst.getHighestTrackableValue()));
                }
                c.events++;
            }
            c.previous = b;
        }
        return false;
    }

    /** The mock's heap in use after a full collection, in kB, via the JDK's jcmd; -1 when jcmd is not there. */
    static long heapAfterGcKb(String java, long pid) {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        try {
            exec(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
            String info = exec(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
            Matcher m = USED.matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
