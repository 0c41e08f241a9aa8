package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.conformance.http.ApiRequest;
import io.friendlikit.conformance.http.HttpExchange;
import io.friendlikit.conformance.http.PlainClient;
import io.friendlikit.conformance.http.StreamCapture;
import io.friendlikit.conformance.http.StreamClient;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.schema.SchemaCatalog;
import io.friendlikit.conformance.targets.Target;
import io.friendlikit.conformance.targets.TargetSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State of one scenario, shared by the step classes through constructor injection: the request being
 * built, what came back, and the tools to send and check.
 */
public final class ChatWorld {

    static final String DEFAULT_PROMPT = "Say hello in five words.";

    private final TargetSession session;
    private final Rules rules;
    private final SchemaCatalog schemas = new SchemaCatalog();
    private PlainClient plainClient;
    private StreamClient streamClient;

    private ObjectNode body;
    private byte[] rawBody;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean authorization = true;
    private boolean dedicated;
    private boolean container;

    private HttpExchange response;
    private StreamCapture stream;
    private HttpExchange plainAnswer;
    private JsonNode earlierAnswer;
    private List<HttpExchange> repeated = List.of();

    public ChatWorld(TargetSession session, Rules rules) {
        this.session = session;
        this.rules = rules;
    }

    public Target target() {
        return session.target();
    }

    public TargetSession session() {
        return session;
    }

    public Rules rules() {
        return rules;
    }

    public SchemaCatalog schemas() {
        return schemas;
    }

    // ---- request being built ----

    public ObjectNode body() {
        if (body == null) {
            body = defaultBody();
        }
        return body;
    }

    ObjectNode defaultBody() {
        ObjectNode fresh = Json.MAPPER.createObjectNode();
        fresh.put("model", target().model());
        fresh.putArray("messages").addObject().put("role", "user").put("content", DEFAULT_PROMPT);
        return fresh;
    }

    void newBody(ObjectNode replacement) {
        body = replacement;
        rawBody = null;
    }

    void rawBody(byte[] bytes) {
        rawBody = bytes;
    }

    void header(String name, String value) {
        headers.put(name, value);
    }

    void withoutAuthorization() {
        authorization = false;
    }

    void useDedicatedEndpoint() {
        dedicated = true;
    }

    void useContainer() {
        container = true;
    }

    boolean isStreamed() {
        return rawBody == null && body().path("stream").asBoolean(false);
    }

    URI chatUri() {
        if (container) {
            return target().containerChatCompletions().orElseThrow(() -> new IllegalStateException(
                    "no container base URL (set FRIENDLI_CONTAINER_BASE_URL)"));
        }
        if (dedicated) {
            return target().dedicatedChatCompletions().orElseThrow(() -> new IllegalStateException(
                    "no dedicated base URL (set FRIENDLI_DEDICATED_BASE_URL)"));
        }
        return target().chatCompletions();
    }

    ApiRequest buildRequest(String method, URI uri, ObjectNode json) {
        Map<String, String> all = new LinkedHashMap<>();
        if (authorization) {
            all.put("Authorization", "Bearer " + target().token());
        }
        byte[] bytes = null;
        if (rawBody != null) {
            bytes = rawBody;
        } else if (json != null) {
            bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes != null) {
            all.put("Content-Type", "application/json");
        }
        // as Friendli's generated SDK does; the spec does not say the server requires it
        boolean streamed = json != null && json.path("stream").asBoolean(false);
        all.put("Accept", streamed ? "text/event-stream" : "application/json");
        headers.forEach((name, value) -> {
            all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            all.put(name, value.replace("<token>", target().token()));
        });
        return new ApiRequest(method, uri, all, bytes);
    }

    // ---- sending ----

    /**
     * Sends the request {@code times} times in each session at once (one thread per session, each request carrying
     * its session's {@code X-Mock-Session}); the answers by session, in the order each session sent them.
     */
    Map<String, List<StreamCapture>> sendInSessionsAtOnce(List<String> sessions, int times) {
        StreamClient client = streams();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sessions.size());
        try {
            Map<String, java.util.concurrent.Future<List<StreamCapture>>> running = new LinkedHashMap<>();
            for (String name : sessions) {
                String previous = headers.put("X-Mock-Session", name);
                ApiRequest request = buildRequest("POST", chatUri(), body());
                restore("X-Mock-Session", previous);
                running.put(name, pool.submit(() -> {
                    start.await();
                    List<StreamCapture> got = new ArrayList<>();
                    for (int i = 0; i < times; i++) {
                        got.add(client.send(request));
                    }
                    return got;
                }));
            }
            start.countDown();
            Map<String, List<StreamCapture>> answers = new LinkedHashMap<>();
            for (Map.Entry<String, java.util.concurrent.Future<List<StreamCapture>>> e : running.entrySet()) {
                answers.put(e.getKey(), e.getValue().get(session.config().timeout().toMillis() * times + 5_000,
                        java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            return answers;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw rules.violation("an HTTP response to every request of " + sessions, "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending in sessions " + sessions, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void restore(String name, String previous) {
        if (previous == null) {
            headers.remove(name);
        } else {
            headers.put(name, previous);
        }
    }

    void send() {
        ApiRequest request = buildRequest("POST", chatUri(), body());
        if (isStreamed()) {
            stream = streamed(request);
            response = stream.exchange();
        } else {
            stream = null;
            response = plainly(request);
        }
    }

    /** A transport failure (refused, reset, timed out) fails the scenario under its rule, not as a stack trace. */
    private HttpExchange plainly(ApiRequest request) {
        rules.sending(request);
        try {
            return plain().send(request);
        } catch (Exception e) { // REST Assured lets checked IOExceptions (a reset connection) through unchecked
            throw rules.violation("an HTTP response", "no response (" + transportProblem(e) + ")");
        }
    }

    private StreamCapture streamed(ApiRequest request) {
        rules.sending(request);
        try {
            return streams().send(request);
        } catch (Exception e) {
            throw rules.violation("an HTTP response", "no response (" + transportProblem(e) + ")");
        }
    }

    /** The innermost cause, e.g. "java.net.SocketException: Connection reset", without the request it echoes. */
    static String transportProblem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + Json.abbreviate(message));
    }

    /**
     * Sends the streamed request but reads it for at most {@code patience}, as a client that gives up would; the
     * capture records what arrived until then (and the timeout as its failure).
     */
    void sendStreamedWithPatience(java.time.Duration patience) {
        rules.check(isStreamed(), "a streamed request (\"stream\": true) for a read with a time limit",
                () -> "a plain one");
        try (StreamClient impatient = new StreamClient(patience)) {
            ApiRequest request = buildRequest("POST", chatUri(), body());
            try {
                stream = impatient.send(request);
            } catch (RuntimeException e) {
                throw rules.violation("an HTTP response to " + request + " within " + patience.toMillis() + " ms",
                        "no response: " + e);
            }
            response = stream.exchange();
        }
    }

    /**
     * Sends the request {@code times} times and returns the statuses in order (each answer read whole); the answers
     * are kept ({@link #repeatedAnswers()}), the last one is also {@link #response()}.
     */
    List<Integer> sendRepeatedly(int times) {
        List<Integer> statuses = new ArrayList<>();
        List<HttpExchange> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            send();
            statuses.add(response.status());
            answers.add(response);
        }
        repeated = List.copyOf(answers);
        return statuses;
    }

    /** The answers of the last {@link #sendRepeatedly}, in order; empty before it. */
    List<HttpExchange> repeatedAnswers() {
        return repeated;
    }

    /** Sends the request twice, once plain and once streamed with usage, keeping both. */
    void sendPlainAndStreamed() {
        ObjectNode plainBody = body().deepCopy();
        plainBody.remove("stream");
        plainBody.remove("stream_options");
        plainAnswer = plainly(buildRequest("POST", chatUri(), plainBody));
        ObjectNode streamedBody = body().deepCopy();
        streamedBody.put("stream", true);
        streamedBody.putObject("stream_options").put("include_usage", true);
        stream = streamed(buildRequest("POST", chatUri(), streamedBody));
        response = stream.exchange();
    }

    /**
     * Sends the request with {@code path} set to {@code first}, keeps that answer as the earlier one, then sends it
     * again with {@code path} set to {@code second}. A null path sends the same request twice.
     */
    void sendTwice(String path, JsonNode first, JsonNode second) {
        if (path != null) {
            Json.set(body(), path, first);
        }
        send();
        earlierAnswer = answer();
        if (path != null) {
            Json.set(body(), path, second);
        }
        send();
    }

    /** The answer to a variant of the request, sent plainly on the side; the scenario's own answer is kept. */
    JsonNode answerTo(ObjectNode variant) {
        HttpExchange exchange = plainly(buildRequest("POST", chatUri(), variant));
        rules.check(exchange.status() == 200, "HTTP 200", exchange::describe);
        return Json.tryParse(exchange.body()).orElseThrow(() -> rules.violation("a JSON body", exchange.describe()));
    }

    void call(String method, URI uri) {
        stream = null;
        ObjectNode json = method.equals("GET") || method.equals("DELETE") ? null : body();
        response = plainly(buildRequest(method, uri, json));
    }

    private PlainClient plain() {
        if (plainClient == null) {
            plainClient = new PlainClient(session.config().timeout());
        }
        return plainClient;
    }

    private StreamClient streams() {
        if (streamClient == null) {
            streamClient = new StreamClient(session.config().timeout());
        }
        return streamClient;
    }

    // ---- what came back ----

    public HttpExchange response() {
        if (response == null) {
            throw new IllegalStateException("no request has been sent yet in this scenario");
        }
        return response;
    }

    public Optional<HttpExchange> lastResponse() {
        return Optional.ofNullable(response);
    }

    public StreamCapture stream() {
        if (stream == null) {
            throw rules.violation("a streamed answer (the request had \"stream\": true)",
                    "a plain answer: " + response().describe());
        }
        return stream;
    }

    /** The first of two answers sent by {@link #sendTwice}. */
    public JsonNode earlierAnswer() {
        if (earlierAnswer == null) {
            throw new IllegalStateException("the scenario did not send the request twice");
        }
        return earlierAnswer;
    }

    public HttpExchange plainAnswer() {
        if (plainAnswer == null) {
            throw new IllegalStateException("the scenario did not send the request both plainly and streamed");
        }
        return plainAnswer;
    }

    /** Parsed JSON body of the last plain response; fails with the rule id when it is not JSON. */
    public JsonNode responseJson() {
        HttpExchange exchange = response();
        return Json.tryParse(exchange.body()).orElseThrow(() ->
                rules.violation("a JSON body", exchange.describe()));
    }

    /** Parsed data of every event before [DONE]. */
    public List<JsonNode> chunks() {
        List<JsonNode> parsed = new ArrayList<>();
        StreamCapture capture = stream();
        for (int i = 0; i < capture.chunkEvents().size(); i++) {
            String data = capture.chunkEvents().get(i).data();
            int position = i;
            parsed.add(Json.tryParse(data).orElseThrow(() ->
                    rules.violation("event " + position + " to carry one JSON chunk", "data: " + Json.abbreviate(data))));
        }
        return parsed;
    }

    /**
     * The answer in chat.completion shape: the plain body, or the stream reassembled. Steps about choices,
     * tool calls, formats and usage read this, so they hold for both modes.
     */
    public JsonNode answer() {
        if (stream != null) {
            rules.check(stream.exchange().status() == 200, "HTTP 200 for the streamed request",
                    () -> stream.exchange().describe());
            return StreamAssembler.assemble(chunks());
        }
        HttpExchange exchange = response();
        rules.check(exchange.status() == 200, "HTTP 200", exchange::describe);
        return responseJson();
    }

    void close() {
        if (streamClient != null) {
            streamClient.close();
        }
    }

    /** The request body as sent (for checks that compare the answer with what was asked). */
    public JsonNode sentBody() {
        return body();
    }
}
