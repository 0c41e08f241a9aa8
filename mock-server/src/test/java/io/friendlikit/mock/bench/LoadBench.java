package io.friendlikit.mock.bench;

import io.friendlikit.mock.MockServer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark harness (not a test): throughput and latency of plain and streamed answers, and the cost of many
 * slow streams in threads and heap. Loopback only; every loop is bounded in count and time.
 *
 * <pre>
 * mvn -q -B -pl mock-server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.friendlikit.mock.bench.LoadBench [-Dexec.args="requests concurrency slowStreams"]
 * </pre>
 */
public final class LoadBench {

    private static final String BODY = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"max_tokens\":%d,\"seed\":%d,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about the weather in Paris.\"}]%s}";

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int slowStreams = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (MockServer mock = MockServer.builder().port(0).seed(1).build().start()) {
            URI chat = URI.create(mock.baseUri() + "/serverless/v1/chat/completions");
            System.out.printf(Locale.ROOT, "mock at %s; %d requests per run, concurrency %d%n", mock.baseUri(),
                    requests, concurrency);
            run(client, chat, "warm-up plain", requests / 4, concurrency, 64, "");
            run(client, chat, "plain, 64 tokens", requests, concurrency, 64, "");
            run(client, chat, "stream, 64 tokens", requests, concurrency, 64, ",\"stream\":true");
            run(client, chat, "stream, 512 tokens", requests / 4, concurrency, 512, ",\"stream\":true");
        }
        try (MockServer slow = MockServer.builder().port(0).seed(1).pacing(100, 100).build().start()) {
            slowStreams(client, URI.create(slow.baseUri() + "/serverless/v1/chat/completions"), slowStreams);
        }
    }

    private static void run(HttpClient client, URI chat, String label, int count, int concurrency, int maxTokens,
                            String extra) throws Exception {
        Semaphore permits = new Semaphore(concurrency);
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int index = i;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT, BODY, maxTokens, i, extra)))
                    .build();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                latencies[index] = System.nanoTime() - sent;
                if (e != null || r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
                permits.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%-20s %7.0f req/s  p50 %6.2f ms  p99 %6.2f ms  failures %d%n", label,
                count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, failures.get());
    }

    /** Threads of the mock (Undertow's XNIO IO and worker threads), not of the client. */
    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("XNIO")).count();
    }

    private static void slowStreams(HttpClient client, URI chat, int count) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long threadsBefore = serverThreads();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        List<CompletableFuture<HttpResponse<Void>>> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(Locale.ROOT, BODY, 20, i,
                            ",\"stream\":true"))).build();
            open.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        Thread.sleep(1_000);
        long threadsDuring = serverThreads();
        long heapDuring = memory.getHeapMemoryUsage().getUsed();
        CompletableFuture.allOf(open.toArray(new CompletableFuture[0])).get(2, TimeUnit.MINUTES);
        long ok = open.stream().filter(f -> f.join().statusCode() == 200).count();
        System.out.printf(Locale.ROOT,
                "%d slow streams (100 ms/token, 20 tokens): %d ok; server (XNIO) threads %d -> %d while open; "
                        + "heap of client and server %d MiB -> %d MiB%n",
                count, ok, threadsBefore, threadsDuring, heapBefore >> 20, heapDuring >> 20);
    }
}
