package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.recording.Recording;
import io.friendlikit.mock.recording.RecordingFiles;
import io.friendlikit.mock.recording.Redaction;
import io.friendlikit.mock.recording.SseEventReader;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.Sessions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Record mode: a chat route forwards each request to the upstream (same path, same headers but the hop-by-hop
 * ones, the client's own token), relays the answer to the client as it arrives — a stream event by event — and then
 * writes the exchange as one recording file (redacted, see {@link Redaction}). The answer's bytes are passed on
 * unchanged; the mock frames nothing here. An upstream that does not answer is a 502 naming it. A recording that
 * cannot be written is logged with its file and the client still gets its answer. Each forwarded exchange is
 * journaled as the client saw it (the upstream's status, its Retry-After, how the delivery ended; no rule is checked
 * here), so the client verdict grades a client recorded against the live API. Each forwarded exchange holds a
 * worker thread until the upstream's answer ends (record mode is for recording sessions, not for load).
 */
final class RecordingProxy implements HttpHandler {

    /** Request headers not forwarded: connection-level ones, and those the HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length",
            "transfer-encoding", "expect", "upgrade", "keep-alive", "proxy-connection", "te", "trailer",
            "http2-settings", "accept-encoding");
    /** Response headers not relayed: the relay sets its own framing. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "content-encoding");
    /** Largest plain answer relayed; a bigger one is not relayed or recorded, and the log says so. */
    private static final int MAX_PLAIN_BYTES = 64 << 20;
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofMinutes(10);

    private final String upstream;
    private final RecordingFiles files;
    private final Responses responses;
    private final long maxBodyBytes;
    private final long readTimeoutMs;
    private final Consumer<String> log;
    private final HttpClient client;
    private final Journal journal;
    private final Supplier<Instant> clock;

    /**
     * @param journal where each forwarded exchange is journaled
     * @param clock   the journal's clock
     */
    RecordingProxy(String upstream, RecordingFiles files, Responses responses, long maxBodyBytes, long readTimeoutMs,
                   Consumer<String> log, Journal journal, Supplier<Instant> clock) {
        this.journal = journal;
        this.clock = clock;
        this.upstream = upstream;
        this.files = files;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeoutMs = readTimeoutMs;
        this.log = log;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long arrived = System.nanoTime();
        Instant arrivedAt = clock.get();
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> BodyReader.read(exchange, maxBodyBytes, readTimeoutMs,
                (ex, body, tooLarge) -> {
                    if (tooLarge) {
                        responses.error(ex, ApiError.payloadTooLarge(maxBodyBytes));
                        return;
                    }
                    ex.dispatch(ex.getConnection().getWorker(), () -> forward(ex, body, arrived, arrivedAt));
                }, responses::error));
    }

    private void forward(HttpServerExchange ex, byte[] body, long arrived, Instant arrivedAt) {
        String query = ex.getQueryString();
        String url = upstream + ex.getRequestPath() + (query == null || query.isEmpty() ? "" : "?" + query);
        Map<String, String> sent = new LinkedHashMap<>();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(UPSTREAM_TIMEOUT)
                    .method(ex.getRequestMethod().toString(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (HeaderValues values : ex.getRequestHeaders()) {
                String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
                if (NOT_FORWARDED.contains(name)) {
                    continue;
                }
                for (String v : values) {
                    request.header(values.getHeaderName().toString(), v);
                }
                sent.put(name, values.getFirst());
            }
        } catch (IllegalArgumentException e) {
            responses.error(ex, ApiError.upstreamUnreachable(upstream, "cannot forward this request: "
                    + e.getMessage()));
            return;
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.accept("record: " + url + " did not answer: " + e);
            ApiError unreachable = ApiError.upstreamUnreachable(upstream, String.valueOf(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            long id = journal(ex, arrivedAt, body, unreachable.status(), Map.of(), null,
                    unreachable.message());
            responses.error(ex, unreachable);
            journal.ended(id, StreamEnd.completed(0, 0).took(millisSince(arrived)));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            responses.error(ex, ApiError.upstreamUnreachable(upstream, "interrupted"));
            return;
        }
        long headersAt = millisSince(start);
        Map<String, String> received = new LinkedHashMap<>();
        ex.setStatusCode(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(":") || NOT_RELAYED.contains(lower) || values.isEmpty()) {
                return;
            }
            ex.getResponseHeaders().putAll(HttpString.tryFromString(name), values);
            received.put(lower, values.get(0));
        });
        String contentType = received.getOrDefault("content-type", "");
        boolean stream = contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        ex.startBlocking();
        Relay relay = new Relay(ex.getOutputStream());
        Recording.Response response;
        long id = -1;
        try (InputStream in = answer.body()) {
            response = stream ? relayStream(in, relay, start, answer.statusCode(), received, headersAt)
                    : relayPlain(in, relay, answer.statusCode(), received, headersAt);
            id = journal(ex, arrivedAt, body, answer.statusCode(), received, response, null);
        } catch (IOException e) {
            log.accept("record: the answer of " + url + " broke off: " + e.getMessage() + "; not recorded");
            if (!ex.isResponseStarted()) {
                ex.getResponseHeaders().clear();
                responses.error(ex, ApiError.upstreamUnreachable(upstream, "its answer broke off: " + e.getMessage()));
                return;
            }
            relay.close();
            return;
        }
        // written before the answer ends, so a client that has its answer finds the file there
        save(ex, sent, body, response);
        relay.close();
        long chunks = response.streamed() ? response.events().size() : 0;
        journal.ended(id, (relay.gone ? StreamEnd.clientGone(chunks, relay.bytes) : StreamEnd.completed(chunks,
                relay.bytes)).took(millisSince(arrived)));
    }

    /**
     * Journals a forwarded exchange as the client saw it and returns its id: the request (token masked as the
     * journal masks it), the upstream's status, its error message and the wait it asked for.
     *
     * @param response the upstream's answer, or null when there was none
     * @param error    the message of an answer the mock gave itself (the upstream did not answer), or null
     */
    private long journal(HttpServerExchange ex, Instant arrivedAt, byte[] body, int status,
                         Map<String, String> received, Recording.Response response, String error) {
        long id = journal.nextId();
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            for (HeaderValues values : ex.getRequestHeaders()) {
                headers.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
            }
            headers.computeIfPresent("authorization", (k, v) -> Journal.maskAuthorization(v));
            JsonNode json = body.length > journal.bodyLimitBytes() ? null : Recording.jsonOrNull(body);
            String raw = json != null ? null : Journal.rawPrefix(body);
            JsonNode model = json == null ? null : json.get("model");
            JsonNode streamed = json == null ? null : json.get("stream");
            String session = headers.get(Sessions.HEADER.toLowerCase(Locale.ROOT));
            try {
                session = session == null ? null : Sessions.checkName(session.trim());
            } catch (RuntimeException badName) {
                session = null;
            }
            if (error == null && status >= 400 && response != null && !response.streamed()) {
                JsonNode answered = Recording.jsonOrNull(response.bodyBytes());
                JsonNode message = answered == null ? null : answered.has("message") ? answered.get("message")
                        : answered.path("error").get("message");
                error = message != null && message.isTextual() ? message.asText() : "upstream answered " + status;
            }
            journal.record(new Journal.Entry(id, arrivedAt, ex.getRequestMethod().toString(), ex.getRequestPath(),
                    headers, json != null ? body : null, raw, model != null && model.isTextual() ? model.asText()
                    : null, status, error, List.of(), List.of(), streamed != null && streamed.asBoolean(false),
                    session, null, Journal.waitAskedMs(received.get("retry-after-ms"), received.get("retry-after"))));
        } catch (RuntimeException | OutOfMemoryError e) {
            // the journal is a record, not part of the answer
        }
        return id;
    }

    private static Recording.Response relayPlain(InputStream in, Relay relay, int status,
                                                 Map<String, String> headers, long atMs) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PLAIN_BYTES);
        if (in.read() >= 0) {
            throw new IOException("a plain answer larger than " + MAX_PLAIN_BYTES + " bytes");
        }
        relay.write(bytes, bytes.length);
        relay.flush();
        return new Recording.Response(status, Redaction.headers(headers, Redaction.RESPONSE), atMs, null, null, null,
                false).withBody(bytes);
    }

    /**
     * Relays an event stream as it arrives and collects its events ({@link SseEventReader}); comments and
     * {@code retry} are relayed but not kept. {@code [DONE]} is kept as the stream's {@code done}, not as an event.
     */
    private static Recording.Response relayStream(InputStream in, Relay relay, long start, int status,
                                                  Map<String, String> headers, long atMs) throws IOException {
        List<Recording.Event> events = new ArrayList<>();
        boolean done = false;
        SseEventReader reader = new SseEventReader();
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            relay.write(buffer, n);
            relay.flush();
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                SseEventReader.Event event = reader.line(line.toString(StandardCharsets.UTF_8));
                line.reset();
                if (event == null) {
                    continue;
                }
                if (event.done()) {
                    done = true;
                } else if (events.size() < Recording.MAX_EVENTS) {
                    events.add(new Recording.Event(millisSince(start), event.data(), event.event(), event.id()));
                }
            }
        }
        return new Recording.Response(status, Redaction.headers(headers, Redaction.RESPONSE), atMs, null, null,
                events, done);
    }

    private void save(HttpServerExchange ex, Map<String, String> sent, byte[] body, Recording.Response response) {
        String secret = Redaction.bearerToken(sent.get("authorization"));
        String bodyText = new String(body, StandardCharsets.UTF_8);
        String scrubbed = Redaction.scrub(bodyText, secret);
        var json = Recording.jsonOrNull(scrubbed.getBytes(StandardCharsets.UTF_8));
        Recording.Request request = new Recording.Request(ex.getRequestMethod().toString(), ex.getRequestPath(),
                Redaction.headers(sent, Redaction.REQUEST), json, json == null && body.length > 0 ? scrubbed : null);
        Recording recording = new Recording(upstream, request, response.scrubbed(secret));
        try {
            Path file = files.write(recording);
            log.accept("record: " + file.getFileName() + " (" + response.status() + ", "
                    + (response.streamed() ? response.events().size() + " events" + (response.done() ? " + [DONE]"
                    : ", no [DONE]") : response.bodyBytes().length + " bytes") + ")");
        } catch (IOException | RuntimeException e) {
            log.accept("record: " + e.getMessage());
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /**
     * The client's side of the relay. A client that leaves does not stop the recording: the upstream's answer is
     * still read to its end (and recorded whole), only nothing more is written.
     */
    private static final class Relay {
        private final OutputStream out;
        private boolean gone;
        private long bytes;

        Relay(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes, int length) {
            if (gone) {
                return;
            }
            try {
                out.write(bytes, 0, length);
                this.bytes += length;
            } catch (IOException e) {
                gone = true;
            }
        }

        void flush() {
            if (gone) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                gone = true;
            }
        }

        void close() {
            try {
                out.close();
            } catch (IOException e) {
                gone = true;
            }
        }
    }
}
