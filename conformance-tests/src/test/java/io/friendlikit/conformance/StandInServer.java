package io.friendlikit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.mock.MockServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a third-party OpenAI-compatible server: an HTTP server of its own (JDK HttpServer) that answers
 * through a private mock and rewrites what goes over the wire, in ways {@link Quirk} names. Legal quirks are
 * differences from Friendli that the OpenAI-compatible contract allows; broken quirks break one rule each.
 * Without {@link Quirk#FORWARD_ADMIN} it has no admin API, so the kit treats it as an "other" target.
 */
final class StandInServer implements AutoCloseable {

    enum Quirk {
        // ---- legal: an OpenAI-compatible server may do these ----
        /** ids of another shape: chatcmpl- + 16 URL-safe characters; tool-call ids toolu_ + 12 characters */
        OTHER_IDS(true),
        /** the last content and the finish_reason in one chunk (no chunk with an empty delta) */
        FINISH_WITH_CONTENT(true),
        /** "logprobs": null left out of choices */
        OMIT_NULL_LOGPROBS(true),
        /** malformed JSON refused with 400 (OpenAI's status) rather than 422 */
        BAD_JSON_400(true),
        /** ": comment" lines, "event: message" lines, "data:" without the space, CRLF line ends */
        SSE_VARIATIONS(true),
        /** members Friendli does not send: a per-request system_fingerprint, "refusal": null in messages */
        EXTRA_MEMBERS(true),

        // ---- broken: each breaks the rules named in the test ----
        /** every chunk of a stream has its own id */
        MIXED_CHUNK_IDS(false),
        /** no usage anywhere: not in plain answers, no usage chunk */
        NO_USAGE(false),
        /** log-probabilities never returned */
        NO_LOGPROBS(false),
        /** the last content chunk carries the finish_reason too, before the finishing chunk */
        FINISH_TWICE(false),
        /** content given as a list of parts is refused with 422 */
        REJECT_CONTENT_PARTS(false),
        /** a json_schema response format without its schema is answered as plain text */
        ACCEPT_SCHEMALESS_JSON_SCHEMA(false),
        /** tool-call ids "t" + a number */
        SHORT_TOOL_IDS(false),
        /** answers a 429 (or any error) without Retry-After */
        NO_RETRY_AFTER(false),
        /** forwards /__admin to the mock, so @mock-control scenarios run against the stand-in */
        FORWARD_ADMIN(true);

        final boolean legal;

        Quirk(boolean legal) {
            this.legal = legal;
        }

        static Set<Quirk> legalOnes() {
            EnumSet<Quirk> legal = EnumSet.noneOf(Quirk.class);
            for (Quirk q : values()) {
                if (q.legal && q != FORWARD_ADMIN) {
                    legal.add(q);
                }
            }
            return legal;
        }
    }

    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Set<Quirk> quirks;
    private final MockServer mock;
    private final String upstream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SecureRandom random = new SecureRandom();
    private int toolIds;

    private StandInServer(Set<Quirk> quirks) throws IOException {
        this.quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
        this.mock = MockServer.builder().port(0).seed(42L).build().start();
        String root = mock.baseUri().toString();
        this.upstream = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static StandInServer start(Set<Quirk> quirks) throws IOException {
        return new StandInServer(quirks);
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String baseUrl() {
        return origin() + "/serverless/v1";
    }

    private boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.startsWith("/__admin") && !has(Quirk.FORWARD_ADMIN)) {
                reply(exchange, 404, "application/json", "{\"error\":{\"message\":\"no such route\",\"type\":\"invalid_request_error\"}}", Map.of());
                return;
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            boolean chat = path.endsWith("/chat/completions") && exchange.getRequestMethod().equals("POST");
            if (chat) {
                JsonNode parsed = Json.tryParse(new String(requestBody, StandardCharsets.UTF_8)).orElse(null);
                if (parsed instanceof ObjectNode request) {
                    if (has(Quirk.REJECT_CONTENT_PARTS) && hasContentParts(request)) {
                        reply(exchange, 422, "application/json", "{\"message\":\"content must be a string\",\"error\":{\"message\":"
                                + "\"content must be a string\",\"type\":\"invalid_request_error\",\"param\":\"messages\"}}", Map.of());
                        return;
                    }
                    if (has(Quirk.ACCEPT_SCHEMALESS_JSON_SCHEMA) && "json_schema".equals(request.path("response_format").path("type").asText())
                            && !request.path("response_format").path("json_schema").has("schema")) {
                        request.remove("response_format");
                        requestBody = Json.write(request).getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)));
            for (String name : List.of("Authorization", "Content-Type", "Accept", "X-Friendli-Team")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            forward.method(exchange.getRequestMethod(), requestBody.length == 0 && !exchange.getRequestMethod().equals("POST")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            HttpResponse<String> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                reply(exchange, 502, "application/json", "{\"error\":{\"message\":\"upstream failed\",\"type\":\"server_error\"}}", Map.of());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String type = answer.headers().firstValue("Content-Type").orElse("");
            Map<String, String> extra = new HashMap<>();
            for (String name : List.of("Retry-After", "Allow")) {
                answer.headers().firstValue(name).ifPresent(v -> extra.put(name, v));
            }
            if (has(Quirk.NO_RETRY_AFTER)) {
                extra.remove("Retry-After");
            }
            int status = answer.statusCode();
            String body = answer.body();
            if (chat && type.startsWith("text/event-stream")) {
                body = rewriteStream(body);
            } else if (chat && status == 200 && type.startsWith("application/json")) {
                body = rewritePlain(body);
            } else if (chat && status == 422 && has(Quirk.BAD_JSON_400) && body.contains("\"invalid_json\"")) {
                status = 400;
            }
            reply(exchange, status, type, body, extra);
        }
    }

    private static boolean hasContentParts(ObjectNode request) {
        for (JsonNode message : request.path("messages")) {
            if (message.path("content").isArray()) {
                return true;
            }
        }
        return false;
    }

    private String rewritePlain(String body) {
        JsonNode parsed = Json.tryParse(body).orElse(null);
        if (!(parsed instanceof ObjectNode answer)) {
            return body;
        }
        Map<String, String> toolIdMap = new HashMap<>();
        if (has(Quirk.OTHER_IDS)) {
            answer.put("id", "chatcmpl-" + randomText(URL_SAFE, 16));
        }
        if (has(Quirk.NO_USAGE)) {
            answer.remove("usage");
        }
        if (has(Quirk.EXTRA_MEMBERS)) {
            answer.put("system_fingerprint", "fp_" + randomText(ALNUM, 10));
        }
        for (JsonNode choice : answer.path("choices")) {
            ObjectNode c = (ObjectNode) choice;
            cleanLogprobs(c);
            if (has(Quirk.EXTRA_MEMBERS) && c.path("message").isObject()) {
                ((ObjectNode) c.get("message")).putNull("refusal");
            }
            for (JsonNode call : c.path("message").path("tool_calls")) {
                renameToolId((ObjectNode) call, toolIdMap);
            }
        }
        return Json.write(answer);
    }

    private void cleanLogprobs(ObjectNode choice) {
        if (has(Quirk.NO_LOGPROBS) || (has(Quirk.OMIT_NULL_LOGPROBS) && choice.has("logprobs") && choice.get("logprobs").isNull())) {
            choice.remove("logprobs");
        }
    }

    private void renameToolId(ObjectNode call, Map<String, String> map) {
        if (!call.hasNonNull("id")) {
            return;
        }
        String old = call.get("id").asText();
        if (has(Quirk.OTHER_IDS)) {
            call.put("id", map.computeIfAbsent(old, k -> "toolu_" + randomText(ALNUM, 12)));
        } else if (has(Quirk.SHORT_TOOL_IDS)) {
            call.put("id", map.computeIfAbsent(old, k -> "t" + (++toolIds)));
        }
    }

    private String rewriteStream(String body) {
        List<String> data = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            StringBuilder joined = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("data: ")) {
                    joined.append(joined.length() > 0 ? "\n" : "").append(line.substring(6));
                }
            }
            if (joined.length() > 0) {
                data.add(joined.toString());
            }
        }
        List<ObjectNode> chunks = new ArrayList<>();
        boolean done = false;
        for (String d : data) {
            if (d.equals("[DONE]")) {
                done = true;
                break;
            }
            Json.tryParse(d).filter(JsonNode::isObject).ifPresent(j -> chunks.add((ObjectNode) j));
        }
        String streamId = "chatcmpl-" + randomText(URL_SAFE, 16);
        String fingerprint = "fp_" + randomText(ALNUM, 10);
        Map<String, String> toolIdMap = new HashMap<>();
        for (ObjectNode chunk : chunks) {
            if (has(Quirk.OTHER_IDS)) {
                chunk.put("id", streamId);
            }
            if (has(Quirk.EXTRA_MEMBERS)) {
                chunk.put("system_fingerprint", fingerprint);
            }
            if (has(Quirk.MIXED_CHUNK_IDS)) {
                chunk.put("id", "chatcmpl-" + randomText("0123456789abcdef", 32));
            }
            if (has(Quirk.NO_USAGE)) {
                chunk.remove("usage");
            }
            for (JsonNode choice : chunk.path("choices")) {
                cleanLogprobs((ObjectNode) choice);
                for (JsonNode fragment : choice.path("delta").path("tool_calls")) {
                    renameToolId((ObjectNode) fragment, toolIdMap);
                }
            }
        }
        if (has(Quirk.NO_USAGE)) {
            chunks.removeIf(c -> c.path("choices").isArray() && c.path("choices").isEmpty());
        }
        if (has(Quirk.FINISH_WITH_CONTENT) || has(Quirk.FINISH_TWICE)) {
            moveFinishReasons(chunks, has(Quirk.FINISH_TWICE));
        }
        StringBuilder out = new StringBuilder();
        boolean variations = has(Quirk.SSE_VARIATIONS);
        String end = variations ? "\r\n" : "\n";
        if (variations) {
            out.append(": stand-in server, comment lines are legal").append(end).append(end);
        }
        for (ObjectNode chunk : chunks) {
            if (variations) {
                out.append("event: message").append(end).append("data:").append(Json.write(chunk)).append(end).append(end);
            } else {
                out.append("data: ").append(Json.write(chunk)).append("\n\n");
            }
        }
        if (done) {
            out.append(variations ? "data:[DONE]" : "data: [DONE]").append(end).append(end);
        }
        return out.toString();
    }

    /**
     * Puts each finishing reason on the last chunk of that choice that carries content or tool calls, and (legal)
     * drops the finishing chunk or (broken) keeps it too, so the reason arrives twice.
     */
    private static void moveFinishReasons(List<ObjectNode> chunks, boolean keepBoth) {
        for (int i = chunks.size() - 1; i >= 0; i--) {
            ObjectNode chunk = chunks.get(i);
            JsonNode choices = chunk.path("choices");
            if (choices.size() != 1 || chunk.hasNonNull("usage") || !choices.get(0).hasNonNull("finish_reason")
                    || !emptyDelta(choices.get(0).path("delta"))) {
                continue;
            }
            int index = choices.get(0).path("index").asInt();
            for (int j = i - 1; j >= 0; j--) {
                JsonNode earlier = chunks.get(j).path("choices");
                if (earlier.size() == 1 && earlier.get(0).path("index").asInt() == index) {
                    if (!emptyDelta(earlier.get(0).path("delta"))) {
                        ((ObjectNode) earlier.get(0)).set("finish_reason", choices.get(0).get("finish_reason"));
                        if (!keepBoth) {
                            chunks.remove(i);
                        }
                    }
                    break;
                }
            }
        }
    }

    private static boolean emptyDelta(JsonNode delta) {
        for (JsonNode value : delta) {
            if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static void reply(HttpExchange exchange, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!type.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = bytes.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        mock.close();
    }
}
