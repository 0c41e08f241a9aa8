package io.friendlikit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak run: the mock jar under a mixed load for a number of minutes — valid plain requests, streams read to
 * the end, invalid requests (422), and streams the client hangs up on after a few bytes — while the harness
 * samples, every {@link #SAMPLE_SECONDS} seconds, the mock's heap after a full collection, its threads, its open
 * file descriptors and its resident memory. The verdict is "flat" when the last sample stays within a margin of
 * the first one taken after warm-up.
 */
final class Soak {

    static final int SAMPLE_SECONDS = 30;
    /** Heap after GC may end at most this much above the first sample (MB), threads and fds at most this many. */
    static final double HEAP_MARGIN_MB = 32;
    static final long THREAD_MARGIN = 8;
    static final long FD_MARGIN = 32;

    private static final String INVALID = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"top_p\":0,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private Soak() {
    }

    /** One sample of the mock's resources. */
    record Sample(long second, double heapAfterGcMb, long threads, long fds, double rssMb, long requests) {
        String line() {
            return String.format(Locale.ROOT, "%5d s  heap after GC %7.1f MB  threads %3d  fds %4d  RSS %7.1f MB"
                    + "  requests %d", second, heapAfterGcMb, threads, fds, rssMb, requests);
        }
    }

    static boolean run(String java, Bench.Options options, int minutes) throws Exception {
        int port = ServerProcess.freePort();
        List<String> cmd = List.of(java, "-jar", options.mockJar.toString(), "--log-requests", "false", "--port",
                Integer.toString(port));
        try (ServerProcess mock = ServerProcess.start("mock", cmd, options.out.resolve("logs").resolve("soak.log"))) {
            byte[] plain = LoadDriver.request(mock.address(), BareCeiling.resource("bench/request.json"));
            byte[] stream = LoadDriver.request(mock.address(), BareCeiling.resource("bench/stream-request.json"));
            byte[] invalid = LoadDriver.request(mock.address(), INVALID.getBytes(StandardCharsets.UTF_8));
            mock.awaitFirstAnswer(plain, 30_000);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            AtomicLong requests = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            byte[][] mix = {plain, stream, invalid, plain, stream};
            for (int i = 0; i < mix.length; i++) {
                byte[] request = mix[i];
                boolean isStream = request == stream;
                int expected = request == invalid ? 422 : 200;
                workers.add(start("soak-" + i, () -> keepAsking(mock, request, isStream, expected, deadline,
                        requests, errors)));
            }
            workers.add(start("soak-hangups", () -> hangUps(mock, stream, deadline, requests, errors)));

            List<Sample> samples = new ArrayList<>();
            long started = System.nanoTime();
            System.out.printf(Locale.ROOT, "soak: %d minute(s), mixed load (plain, streams, invalid, hang-ups); "
                    + "a sample every %d s%n", minutes, SAMPLE_SECONDS);
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(TimeUnit.SECONDS.toMillis(SAMPLE_SECONDS),
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                Sample s = sample(java, mock, (System.nanoTime() - started) / 1_000_000_000L, requests.get());
                samples.add(s);
                System.out.println(s.line());
            }
            for (Thread t : workers) {
                t.join(30_000);
            }
            if (samples.size() < 2) {
                System.out.println("soak: too short to judge (run at least two sample periods)");
                return true;
            }
            Sample first = samples.get(0);
            Sample last = samples.get(samples.size() - 1);
            boolean flat = last.heapAfterGcMb() <= first.heapAfterGcMb() + HEAP_MARGIN_MB
                    && last.threads() <= first.threads() + THREAD_MARGIN
                    && last.fds() <= first.fds() + FD_MARGIN;
            System.out.printf(Locale.ROOT, "soak: %d requests, %d unexpected answers or errors; heap after GC "
                            + "%.1f → %.1f MB, threads %d → %d, fds %d → %d: %s%n", requests.get(), errors.get(),
                    first.heapAfterGcMb(), last.heapAfterGcMb(), first.threads(), last.threads(), first.fds(),
                    last.fds(), flat ? "flat" : "NOT FLAT");
            return flat && errors.get() <= requests.get() / 1000;
        }
    }

    private static Sample sample(String java, ServerProcess mock, long second, long requests) throws IOException {
        long fds;
        try (var list = Files.list(Path.of("/proc", Long.toString(mock.pid()), "fd"))) {
            fds = list.count();
        }
        return new Sample(second, PacedStreams.heapAfterGcKb(java, mock.pid()) / 1024.0, mock.status("Threads"),
                fds, mock.status("VmRSS") / 1024.0, requests);
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void keepAsking(ServerProcess mock, byte[] request, boolean stream, int expected, long deadline,
                                   AtomicLong requests, AtomicLong errors) {
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(mock.address(), 2_000);
                s.setSoTimeout(10_000);
                InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 1_000 && System.nanoTime() < deadline; i++) {
                    out.write(request);
                    out.flush();
                    LoadDriver.Answer a = LoadDriver.read(in);
                    requests.incrementAndGet();
                    if (a.status() != expected || (stream && !a.sawDone())) {
                        errors.incrementAndGet();
                    }
                    if (!a.keepAlive()) {
                        break;
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    /** Opens a stream, reads its first bytes and hangs up; again and again. */
    private static void hangUps(ServerProcess mock, byte[] stream, long deadline, AtomicLong requests,
                                AtomicLong errors) {
        byte[] buf = new byte[512];
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(mock.address(), 2_000);
                s.setSoTimeout(10_000);
                s.getOutputStream().write(stream);
                if (s.getInputStream().read(buf) <= 0) {
                    errors.incrementAndGet();
                }
                requests.incrementAndGet();
                s.setSoLinger(true, 0); // a reset, as a client that gives up mid-stream often sends
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
    }
}
