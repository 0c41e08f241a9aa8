package io.friendlikit.conformance.http;

import io.friendlikit.conformance.sse.SseEvent;
import io.friendlikit.conformance.sse.SseParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a request with java.net.http and reads the body incrementally as a server-sent event stream, keeping
 * the arrival time of every event (REST Assured would buffer the whole body first).
 */
public final class StreamClient implements AutoCloseable {

    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "host", "expect", "upgrade");

    private final HttpClient client;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;

    public StreamClient(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sse-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    public StreamCapture send(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        long started = System.nanoTime();
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, () -> Duration.ofNanos(System.nanoTime() - started));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Optional<String> failure = Optional.empty();
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("could not send " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + request, e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            timedOut.set(true);
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is best effort; the reader sees the failure
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (body) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                raw.write(buffer, 0, read);
                parser.feed(buffer, 0, read);
            }
        } catch (IOException e) {
            failure = Optional.of(timedOut.get()
                    ? "stream still open after " + timeout.toSeconds() + " s"
                    : "connection failed while reading the stream: " + e.getMessage());
        } finally {
            guard.cancel(false);
        }
        parser.finish();
        HttpExchange exchange = new HttpExchange(request, response.statusCode(), response.headers().map(),
                raw.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
        return new StreamCapture(exchange, List.copyOf(events), parser.comments(), parser.discardedAtEnd(), failure);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
