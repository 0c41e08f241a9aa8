package io.friendlikit.mock.junit5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small typed client for the mock's admin HTTP API (mock-server/ADMIN-API.md) over {@code java.net.http}: what a
 * test in any language does with {@code curl}, from Java. It speaks only the documented HTTP contract, so it drives
 * a mock in another process (or any server offering the same API) as well as an embedded one.
 *
 * <p>Every call blocks until the answer; a status other than the documented success raises an
 * {@link AdminException} carrying the status and the mock's message (e.g. {@code POST /__admin/faults answered 400:
 * fault: status: must be between 400 and 599}).
 */
public final class AdminClient {

    /** The header that carries the admin token of a mock started with {@code --admin-token}. */
    public static final String TOKEN_HEADER = "X-Admin-Token";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI root;
    private final HttpClient http;
    private final String adminToken;
    private final ObjectMapper json = new ObjectMapper();

    /** A client for the mock whose root is {@code root}, e.g. {@code http://127.0.0.1:8080} (no {@code /__admin}). */
    public AdminClient(URI root) {
        this(root, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    public AdminClient(URI root, HttpClient http) {
        this(root, http, null);
    }

    private AdminClient(URI root, HttpClient http, String adminToken) {
        String text = root.toString();
        this.root = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = http;
        this.adminToken = adminToken;
    }

    /**
     * The same client sending {@code token} as {@code X-Admin-Token} on every call, as a mock started with
     * {@code --admin-token} (or {@code @FriendliMock(adminToken = ...)}) requires; null or empty: no token.
     */
    public AdminClient withAdminToken(String token) {
        return new AdminClient(root, http, token == null || token.isEmpty() ? null : token);
    }

    /** The root this client talks to. */
    public URI root() {
        return root;
    }

    /** {@code GET /__admin/health}. */
    public Health health() {
        JsonNode body = call("GET", "/__admin/health", null, 200);
        return new Health(body.path("status").asText(), body.path("kind").asText(), body.path("openStreams").asInt());
    }

    /** {@code POST /__admin/reset}: clears faults, scenarios and the journal. */
    public void reset() {
        call("POST", "/__admin/reset", null, 204);
    }

    /** {@code GET /__admin/journal}: every request the journal holds, oldest first. */
    public List<JournalEntry> journal() {
        return journal(JournalFilter.ALL);
    }

    /** {@code GET /__admin/journal?status=…&path=…&last=…}. */
    public List<JournalEntry> journal(JournalFilter filter) {
        JsonNode body = call("GET", "/__admin/journal" + filter.query(), null, 200);
        List<JournalEntry> entries = new ArrayList<>();
        for (JsonNode e : body.path("entries")) {
            entries.add(JournalEntry.from(e));
        }
        return entries;
    }

    /** {@code DELETE /__admin/journal}. */
    public void clearJournal() {
        call("DELETE", "/__admin/journal", null, 204);
    }

    /** {@code POST /__admin/faults}; returns the id the mock gave it (e.g. {@code fault-1}). */
    public String addFault(FaultSpec fault) {
        return call("POST", "/__admin/faults", fault.body(), 201).path("id").asText();
    }

    /** {@code GET /__admin/faults}: the active faults, in the order they apply. */
    public List<ActiveFault> faults() {
        List<ActiveFault> out = new ArrayList<>();
        for (JsonNode f : call("GET", "/__admin/faults", null, 200).path("faults")) {
            out.add(ActiveFault.from(f));
        }
        return out;
    }

    /** {@code DELETE /__admin/faults}. */
    public void clearFaults() {
        call("DELETE", "/__admin/faults", null, 204);
    }

    /** {@code POST /__admin/scenarios}; returns the id the mock gave it (e.g. {@code scenario-1}). */
    public String addScenario(ScenarioSpec scenario) {
        return call("POST", "/__admin/scenarios", scenario.body(), 201).path("id").asText();
    }

    /** {@code GET /__admin/scenarios}: each scripted answer as the mock lists it ({@code id}, {@code match}, …). */
    public List<JsonNode> scenarios() {
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/__admin/scenarios", null, 200).path("scenarios").forEach(out::add);
        return out;
    }

    /** {@code DELETE /__admin/scenarios}. */
    public void clearScenarios() {
        call("DELETE", "/__admin/scenarios", null, 204);
    }

    private JsonNode call(String method, String path, Object body, int expected) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON: " + e.getOriginalMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminToken != null) {
            request.header(TOKEN_HEADER, adminToken);
        }
        String where = method + " " + path;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AdminException(where + " at " + root + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(where + " interrupted", 0, e);
        }
        if (response.statusCode() != expected) {
            String hint = response.statusCode() == 404 && !root.getPath().isEmpty()
                    ? " (the client takes the mock's root, e.g. http://127.0.0.1:8080, not " + root + ")"
                    : response.statusCode() == 401 ? tokenHint() : "";
            throw new AdminException(where + " answered " + response.statusCode() + ": "
                    + messageOf(response.body()) + hint, response.statusCode(), null);
        }
        if (response.body().isEmpty()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AdminException(where + " answered " + expected + " with a body that is not JSON: "
                    + abbreviate(response.body()), expected, e);
        }
    }

    /** What to do about a 401: the admin API has no other reason to answer it. */
    private String tokenHint() {
        return adminToken == null
                ? " (this client sends no X-Admin-Token; give it the mock's token with withAdminToken(...), or take"
                        + " the AdminClient @FriendliMock(adminToken = ...) injects)"
                : " (the X-Admin-Token this client sends is not the mock's --admin-token)";
    }

    private String messageOf(String body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree.path("message").isTextual()) {
                return tree.path("message").asText();
            }
            if (tree.path("error").path("message").isTextual()) {
                return tree.path("error").path("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw text
        }
        return abbreviate(body);
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /** What {@code GET /__admin/health} answers; {@code kind} is {@code friendli-mock} for this mock. */
    public record Health(String status, String kind, int openStreams) {
    }

    /** One broken rule of a request: param (null when the whole body is at fault), message, code and rule id. */
    public record Violation(String param, String message, String code, String rule) {

        /** {@code top_p [VAL-RANGE, out_of_range]: top_p must be in (0, 1], got 0}. */
        @Override
        public String toString() {
            return (param == null ? "(body)" : param) + " [" + rule + ", " + code + "]: " + message;
        }
    }

    /**
     * One request the mock received and what it answered.
     *
     * @param headers lower-case names; the bearer token masked to its first four characters
     * @param body    the parsed JSON body, or null (then {@code rawBody} holds the start of the text)
     * @param error   the error message answered, null for a 200
     * @param faults  types of the faults applied
     */
    public record JournalEntry(long id, Instant receivedAt, String method, String path, int status, String error,
                               boolean stream, Map<String, String> headers, JsonNode body, String rawBody,
                               List<Violation> violations, List<String> faults) {

        static JournalEntry from(JsonNode e) {
            Map<String, String> headers = new LinkedHashMap<>();
            e.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : e.path("violations")) {
                violations.add(new Violation(text(v, "param"), text(v, "message"), text(v, "code"), text(v, "rule")));
            }
            List<String> faults = new ArrayList<>();
            e.path("faults").forEach(f -> faults.add(f.asText()));
            JsonNode body = e.get("body");
            return new JournalEntry(e.path("id").asLong(), e.hasNonNull("receivedAt")
                    ? Instant.parse(e.get("receivedAt").asText()) : null, text(e, "method"), text(e, "path"),
                    e.path("status").asInt(), text(e, "error"), e.path("stream").asBoolean(), Map.copyOf(headers),
                    body == null || body.isNull() ? null : body, text(e, "rawBody"), List.copyOf(violations),
                    List.copyOf(faults));
        }
    }

    /**
     * An active fault as {@code GET /__admin/faults} lists it.
     *
     * @param parameters its other members (e.g. {@code status}, {@code message})
     * @param times      how many more requests it applies to, or null for "until removed"
     */
    public record ActiveFault(String id, String type, Map<String, JsonNode> parameters, Integer times) {

        static ActiveFault from(JsonNode f) {
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!List.of("id", "type", "times").contains(member.getKey())) {
                    parameters.put(member.getKey(), member.getValue());
                }
            }
            return new ActiveFault(text(f, "id"), text(f, "type"), parameters,
                    f.hasNonNull("times") ? f.get("times").asInt() : null);
        }
    }

    /**
     * The journal's filters; unset ones do not filter. {@code JournalFilter.ALL.status(422).last(5)}.
     *
     * @param status only entries answered with this status
     * @param path   only entries for this path, e.g. {@code /serverless/v1/chat/completions}
     * @param last   only the newest {@code last} entries (after the other filters)
     */
    public record JournalFilter(Integer status, String path, Integer last) {

        public static final JournalFilter ALL = new JournalFilter(null, null, null);

        public JournalFilter status(int value) {
            return new JournalFilter(value, path, last);
        }

        public JournalFilter path(String value) {
            return new JournalFilter(status, value, last);
        }

        public JournalFilter last(int value) {
            return new JournalFilter(status, path, value);
        }

        String query() {
            StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
            if (status != null) {
                q.add("status=" + status);
            }
            if (path != null) {
                q.add("path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            }
            if (last != null) {
                q.add("last=" + last);
            }
            return q.toString();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
