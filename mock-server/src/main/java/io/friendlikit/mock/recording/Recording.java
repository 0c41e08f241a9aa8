package io.friendlikit.mock.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One recorded exchange with an upstream, as one JSON file (format version {@value #VERSION}, described in
 * docs/RECORDINGS.md). A plain body is kept byte-exact: as JSON ({@code body}) when writing that JSON compactly
 * gives the bytes back, else as text ({@code bodyText}); a stream is kept event by event, each event's data as
 * its exact text with the milliseconds since the request was sent. The file is written in one fixed layout
 * (members in a fixed order, headers sorted, two-space indent, a final newline) so that recordings diff well.
 *
 * @param upstream the root URL the exchange went to (no credentials)
 */
public record Recording(String upstream, Request request, Response response) {

    public static final int VERSION = 1;

    /** Most events read from one recorded stream. */
    public static final int MAX_EVENTS = 100_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP = Set.of("recording", "upstream", "request", "response");
    private static final Set<String> REQUEST = Set.of("method", "path", "headers", "body", "bodyText");
    private static final Set<String> RESPONSE = Set.of("status", "headers", "atMs", "body", "bodyText", "events",
            "done");
    private static final Set<String> EVENT = Set.of("atMs", "data", "event", "id");

    public Recording {
        java.util.Objects.requireNonNull(request, "request");
        java.util.Objects.requireNonNull(response, "response");
    }

    /**
     * The request as sent upstream (secrets redacted).
     *
     * @param headers  the headers that matter, lower-case names, sorted
     * @param body     the body as JSON, or null when it was not JSON (then {@code bodyText})
     * @param bodyText the body as text when it was not JSON, else null
     */
    public record Request(String method, String path, SortedMap<String, String> headers, JsonNode body,
                          String bodyText) {
        public Request {
            headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
        }

        /** The {@code model} of a JSON body, or null. */
        public String model() {
            JsonNode m = body == null ? null : body.get("model");
            return m != null && m.isTextual() ? m.asText() : null;
        }

        /** Whether the body asked for a stream. */
        public boolean stream() {
            JsonNode s = body == null ? null : body.get("stream");
            return s != null && s.isBoolean() && s.asBoolean();
        }
    }

    /**
     * The answer as the upstream gave it.
     *
     * @param atMs     milliseconds from sending the request to the response's headers
     * @param body     a plain body as JSON (written compactly it is the exact bytes), or null
     * @param bodyText a plain body as exact text, when JSON would not give the bytes back, or null
     * @param events   the events of a stream (content type text/event-stream), or null for a plain body
     * @param done     whether the stream ended with {@code [DONE]} (not listed among the events)
     */
    public record Response(int status, SortedMap<String, String> headers, long atMs, JsonNode body, String bodyText,
                           List<Event> events, boolean done) {
        public Response {
            headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
            events = events == null ? null : List.copyOf(events);
            if (events != null && (body != null || bodyText != null)) {
                throw new IllegalArgumentException("a response is a plain body or a stream, not both");
            }
        }

        public boolean streamed() {
            return events != null;
        }

        /** This plain response with a body of these exact bytes (kept as JSON when that gives them back). */
        public Response withBody(byte[] bytes) {
            if (bytes.length == 0) {
                return new Response(status, headers, atMs, null, null, null, false);
            }
            JsonNode json = jsonIfExact(bytes);
            return new Response(status, headers, atMs, json, json == null
                    ? new String(bytes, StandardCharsets.UTF_8) : null, null, false);
        }

        /** This response with every occurrence of {@code secret} replaced in its body or events. */
        public Response scrubbed(String secret) {
            if (secret == null || secret.length() < Redaction.MIN_SECRET_LENGTH) {
                return this;
            }
            if (streamed()) {
                return new Response(status, headers, atMs, null, null, events.stream().map(e -> new Event(e.atMs(),
                        Redaction.scrub(e.data(), secret), e.event(), e.id())).toList(), done);
            }
            String text = new String(bodyBytes(), StandardCharsets.UTF_8);
            if (!text.contains(secret)) {
                return this;
            }
            return withBody(Redaction.scrub(text, secret).getBytes(StandardCharsets.UTF_8));
        }

        /** The plain body's exact bytes (empty for a stream or no body). */
        public byte[] bodyBytes() {
            if (bodyText != null) {
                return bodyText.getBytes(StandardCharsets.UTF_8);
            }
            if (body != null) {
                try {
                    return JSON.writeValueAsBytes(body);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a JSON tree always serialises", e);
                }
            }
            return new byte[0];
        }

        /** The content type recorded, or null. */
        public String contentType() {
            return headers.get("content-type");
        }
    }

    /**
     * One server-sent event.
     *
     * @param atMs  milliseconds from sending the request to this event
     * @param data  the event's data, exactly (lines of a multi-line data field joined by newlines)
     * @param event the {@code event:} field, or null
     * @param id    the {@code id:} field, or null
     */
    public record Event(long atMs, String data, String event, String id) {
        public Event {
            java.util.Objects.requireNonNull(data, "data");
        }
    }

    /** A plain body as it is best kept: as JSON when compact JSON gives the bytes back, else as text. */
    public static JsonNode jsonIfExact(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree != null && !tree.isMissingNode()
                    && java.util.Arrays.equals(JSON.writeValueAsBytes(tree), bytes)) {
                return tree;
            }
        } catch (IOException e) {
            // not JSON: kept as text
        }
        return null;
    }

    /** The body parsed as JSON, or null when it is not JSON (used for requests, where bytes do not matter). */
    public static JsonNode jsonOrNull(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's bytes, in the one layout. */
    public byte[] toBytes() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("recording", VERSION);
        if (upstream != null) {
            root.put("upstream", upstream);
        }
        ObjectNode req = root.putObject("request");
        req.put("method", request.method());
        req.put("path", request.path());
        headers(req.putObject("headers"), request.headers());
        if (request.body() != null) {
            req.set("body", request.body());
        } else if (request.bodyText() != null) {
            req.put("bodyText", request.bodyText());
        }
        ObjectNode res = root.putObject("response");
        res.put("status", response.status());
        headers(res.putObject("headers"), response.headers());
        res.put("atMs", response.atMs());
        if (response.streamed()) {
            ArrayNode events = res.putArray("events");
            for (Event e : response.events()) {
                ObjectNode ev = events.addObject();
                ev.put("atMs", e.atMs());
                if (e.event() != null) {
                    ev.put("event", e.event());
                }
                if (e.id() != null) {
                    ev.put("id", e.id());
                }
                ev.put("data", e.data());
            }
            res.put("done", response.done());
        } else if (response.body() != null) {
            res.set("body", response.body());
        } else if (response.bodyText() != null) {
            res.put("bodyText", response.bodyText());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = JSON.writer(printer).writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void headers(ObjectNode into, Map<String, String> headers) {
        headers.forEach(into::put);
    }

    /** Whether a parsed JSON file is a recording (it has a {@code recording} member) rather than a scenario. */
    public static boolean isRecording(JsonNode root) {
        return root != null && root.isObject() && root.has("recording");
    }

    /**
     * Reads a recording file.
     *
     * @throws RecordingException naming the JSON Pointer of the bad member and the rule
     */
    public static Recording read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RecordingException("", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RecordingException("", "unreadable: " + e.getMessage());
        }
        return read(root);
    }

    /** Reads a parsed recording file. */
    public static Recording read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new RecordingException("", "a recording is a JSON object");
        }
        known(root, "", TOP);
        JsonNode version = root.get("recording");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new RecordingException("/recording", "must be " + VERSION + " (the format version), got "
                    + describe(version));
        }
        String upstream = optionalText(root, "", "upstream");
        JsonNode req = object(root, "", "request");
        known(req, "/request", REQUEST);
        String method = requiredText(req, "/request", "method");
        String path = requiredText(req, "/request", "path");
        if (!path.startsWith("/")) {
            throw new RecordingException("/request/path", "must start with '/', got '" + path + "'");
        }
        SortedMap<String, String> reqHeaders = headers(req, "/request");
        JsonNode reqBody = req.get("body");
        String reqText = optionalText(req, "/request", "bodyText");
        if (reqBody != null && reqText != null) {
            throw new RecordingException("/request/bodyText", "give 'body' or 'bodyText', not both");
        }
        JsonNode res = object(root, "", "response");
        known(res, "/response", RESPONSE);
        JsonNode status = res.get("status");
        if (status == null || !status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
            throw new RecordingException("/response/status", "must be an HTTP status (100-599), got "
                    + describe(status));
        }
        SortedMap<String, String> resHeaders = headers(res, "/response");
        long atMs = millis(res.get("atMs"), "/response/atMs", 0);
        JsonNode body = res.get("body");
        String bodyText = optionalText(res, "/response", "bodyText");
        JsonNode eventsNode = res.get("events");
        List<Event> events = null;
        boolean done = false;
        if (eventsNode != null) {
            if (body != null || bodyText != null) {
                throw new RecordingException("/response/events", "a response has 'events' (a stream) or a body, "
                        + "not both");
            }
            if (!eventsNode.isArray()) {
                throw new RecordingException("/response/events", "must be an array of events, got "
                        + describe(eventsNode));
            }
            if (eventsNode.size() > MAX_EVENTS) {
                throw new RecordingException("/response/events", "more than " + MAX_EVENTS + " events");
            }
            events = new ArrayList<>();
            long previous = 0;
            for (int i = 0; i < eventsNode.size(); i++) {
                String at = "/response/events/" + i;
                JsonNode e = eventsNode.get(i);
                if (!e.isObject()) {
                    throw new RecordingException(at, "must be an object {atMs, data}, got " + describe(e));
                }
                known(e, at, EVENT);
                long eventAt = millis(e.get("atMs"), at + "/atMs", -1);
                if (eventAt < previous) {
                    throw new RecordingException(at + "/atMs", "events are in time order: " + eventAt
                            + " is before the event ahead of it (" + previous + ")");
                }
                previous = eventAt;
                events.add(new Event(eventAt, requiredText(e, at, "data"), optionalText(e, at, "event"),
                        optionalText(e, at, "id")));
            }
            JsonNode d = res.get("done");
            if (d != null && !d.isBoolean()) {
                throw new RecordingException("/response/done", "must be true or false, got " + describe(d));
            }
            done = d != null && d.asBoolean();
        } else if (res.has("done")) {
            throw new RecordingException("/response/done", "only with 'events' (a stream)");
        }
        if (body != null && bodyText != null) {
            throw new RecordingException("/response/bodyText", "give 'body' or 'bodyText', not both");
        }
        return new Recording(upstream, new Request(method, path, reqHeaders, reqBody, reqText),
                new Response(status.asInt(), resHeaders, atMs, body, bodyText, events, done));
    }

    private static long millis(JsonNode n, String at, long absent) {
        if (n == null) {
            if (absent >= 0) {
                return absent;
            }
            throw new RecordingException(at, "required: milliseconds since the request was sent");
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 86_400_000L) {
            throw new RecordingException(at, "must be an integer number of milliseconds in [0, 86400000], got "
                    + describe(n));
        }
        return n.asLong();
    }

    private static void known(JsonNode node, String at, Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new RecordingException(at + "/" + name, "no such member here; known: "
                        + String.join(", ", new java.util.TreeSet<>(names)));
            }
        }
    }

    private static JsonNode object(JsonNode parent, String at, String name) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw new RecordingException(at + "/" + name, "required: an object, got " + describe(n));
        }
        return n;
    }

    private static String requiredText(JsonNode parent, String at, String name) {
        String text = optionalText(parent, at, name);
        if (text == null) {
            throw new RecordingException(at + "/" + name, "required: a string");
        }
        return text;
    }

    private static String optionalText(JsonNode parent, String at, String name) {
        JsonNode n = parent.get(name);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new RecordingException(at + "/" + name, "must be a string, got " + describe(n));
        }
        return n.asText();
    }

    private static SortedMap<String, String> headers(JsonNode parent, String at) {
        SortedMap<String, String> out = new TreeMap<>();
        JsonNode h = parent.get("headers");
        if (h == null) {
            return out;
        }
        if (!h.isObject()) {
            throw new RecordingException(at + "/headers", "must be an object of header names to values, got "
                    + describe(h));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new RecordingException(at + "/headers/" + e.getKey(), "must be a string, got "
                        + describe(e.getValue()));
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText());
        }
        return out;
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
