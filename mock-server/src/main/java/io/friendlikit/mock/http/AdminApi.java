package io.friendlikit.mock.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.Violation;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;

import java.util.ArrayList;
import java.util.List;

/**
 * The admin API under {@code /__admin}, one small handler per task. Documented in mock-server/ADMIN-API.md.
 */
final class AdminApi {

    static final String KIND = "friendli-mock";

    private final ObjectMapper mapper;
    private final ObjectMapper camelCase = new ObjectMapper();
    private final Responses responses;
    private final FaultRegistry faults;
    private final ScenarioRegistry scenarios;
    private final Journal journal;
    private final java.util.function.IntSupplier openStreams;

    AdminApi(ObjectMapper mapper, Responses responses, FaultRegistry faults, ScenarioRegistry scenarios,
             Journal journal, java.util.function.IntSupplier openStreams) {
        this.openStreams = openStreams;
        this.mapper = mapper;
        this.responses = responses;
        this.faults = faults;
        this.scenarios = scenarios;
        this.journal = journal;
    }

    /** {@code teams}: the allowed X-Friendli-Team values (empty: any team), so a kit knows which team to refuse. */
    HttpHandler health(java.util.Set<String> teams) {
        return ex -> {
            com.fasterxml.jackson.databind.node.ObjectNode body = mapper.createObjectNode().put("status", "ok").put("kind", KIND)
                    .put("openStreams", openStreams.getAsInt());
            teams.stream().sorted().forEach(body.putArray("teams")::add);
            send(ex, 200, body);
        };
    }

    HttpHandler reset() {
        return ex -> {
            faults.clear();
            scenarios.clear();
            journal.clear();
            responses.noContent(ex);
        };
    }

    /** The journal, optionally filtered: {@code ?status=422}, {@code ?path=/dedicated/v1/chat/completions}, {@code ?last=10}. */
    HttpHandler journal() {
        return ex -> {
            String status = query(ex, "status");
            String path = query(ex, "path");
            String last = query(ex, "last");
            java.util.List<Journal.Entry> entries = new ArrayList<>();
            for (Journal.Entry e : journal.entries()) {
                if ((status == null || status.equals(Integer.toString(e.status())))
                        && (path == null || path.equals(e.path()))) {
                    entries.add(e);
                }
            }
            if (last != null) {
                int n;
                try {
                    n = Integer.parseInt(last);
                } catch (NumberFormatException problem) {
                    n = -1;
                }
                if (n < 0) {
                    responses.error(ex, ApiError.badAdminRequest("last", "last: must be a non-negative integer, got '"
                            + last + "'"));
                    return;
                }
                entries = entries.subList(Math.max(0, entries.size() - n), entries.size());
            }
            ObjectNode root = mapper.createObjectNode();
            ArrayNode list = root.putArray("entries");
            for (Journal.Entry e : entries) {
                ObjectNode item = list.addObject();
                item.put("id", e.id());
                item.put("receivedAt", e.receivedAt().toString());
                item.put("method", e.method());
                item.put("path", e.path());
                item.put("status", e.status());
                if (e.error() != null) {
                    item.put("error", e.error());
                }
                item.put("stream", e.stream());
                ObjectNode headers = item.putObject("headers");
                e.headers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(h -> headers.put(h.getKey(), h.getValue()));
                item.set("body", e.body());
                if (e.rawBody() != null) {
                    item.put("rawBody", e.rawBody());
                }
                ArrayNode violations = item.putArray("violations");
                for (Violation v : e.violations()) {
                    violations.addObject().put("param", v.param()).put("message", v.message())
                            .put("code", v.code()).put("rule", v.rule());
                }
                ArrayNode applied = item.putArray("faults");
                e.faults().forEach(applied::add);
            }
            send(ex, 200, root);
        };
    }

    HttpHandler clearJournal() {
        return ex -> {
            journal.clear();
            responses.noContent(ex);
        };
    }

    HttpHandler listFaults() {
        return ex -> {
            ObjectNode root = mapper.createObjectNode();
            ArrayNode list = root.putArray("faults");
            for (FaultRegistry.Rule r : faults.list()) {
                ObjectNode item = camelCase.valueToTree(r.fault());
                ObjectNode out = list.addObject().put("id", r.id()).put("type", r.fault().type());
                out.setAll(item);
                if (r.remaining() != null) {
                    out.put("times", r.remaining());
                }
            }
            send(ex, 200, root);
        };
    }

    HttpHandler addFault() {
        return ex -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> ex.getRequestReceiver().receiveFullBytes((e, bytes) -> {
            JsonNode body = parse(e, bytes);
            if (body == null) {
                return;
            }
            try {
                Fault fault = Fault.fromJson(body);
                FaultRegistry.Rule rule = faults.add(fault, times(body));
                send(e, 201, mapper.createObjectNode().put("id", rule.id()).put("type", fault.type()));
            } catch (IllegalArgumentException problem) {
                responses.error(e, ApiError.badAdminRequest(null, "fault: " + problem.getMessage()));
            }
        }));
    }

    HttpHandler clearFaults() {
        return ex -> {
            faults.clear();
            responses.noContent(ex);
        };
    }

    HttpHandler listScenarios() {
        return ex -> {
            ObjectNode root = mapper.createObjectNode();
            ArrayNode list = root.putArray("scenarios");
            for (Scenario s : scenarios.list()) {
                ObjectNode item = list.addObject().put("id", s.id());
                ObjectNode match = item.putObject("match");
                match.put("contains", s.contains());
                match.put("model", s.model());
                ObjectNode reply = item.putObject("reply");
                reply.put("content", s.reply().content());
                ArrayNode calls = reply.putArray("toolCalls");
                for (CannedReply.Call c : s.reply().toolCalls()) {
                    calls.addObject().put("name", c.name()).set("arguments", c.arguments());
                }
                if (s.remaining() != null) {
                    item.put("times", s.remaining());
                }
            }
            send(ex, 200, root);
        };
    }

    HttpHandler addScenario() {
        return ex -> ex.dispatch(SameThreadExecutor.INSTANCE, () -> ex.getRequestReceiver().receiveFullBytes((e, bytes) -> {
            JsonNode body = parse(e, bytes);
            if (body == null) {
                return;
            }
            try {
                JsonNode match = body.path("match");
                JsonNode reply = body.path("reply");
                if (!reply.isObject()) {
                    throw new IllegalArgumentException("reply: required object with 'content' and/or 'toolCalls'");
                }
                String content = reply.path("content").isTextual() ? reply.path("content").asText() : null;
                List<CannedReply.Call> calls = new ArrayList<>();
                JsonNode toolCalls = reply.path("toolCalls");
                if (!toolCalls.isMissingNode() && !toolCalls.isArray()) {
                    throw new IllegalArgumentException("reply.toolCalls: must be an array");
                }
                for (JsonNode c : toolCalls) {
                    if (!c.path("name").isTextual()) {
                        throw new IllegalArgumentException("reply.toolCalls[].name: required string");
                    }
                    JsonNode args = c.has("arguments") ? c.get("arguments") : mapper.createObjectNode();
                    calls.add(new CannedReply.Call(c.get("name").asText(), args));
                }
                if (content == null && calls.isEmpty()) {
                    throw new IllegalArgumentException("reply: give 'content' (string) or 'toolCalls' (array)");
                }
                Scenario s = scenarios.add(text(match, "contains"), text(match, "model"),
                        new CannedReply(content, calls), times(body));
                send(e, 201, mapper.createObjectNode().put("id", s.id()));
            } catch (IllegalArgumentException problem) {
                responses.error(e, ApiError.badAdminRequest(null, "scenario: " + problem.getMessage()));
            }
        }));
    }

    HttpHandler clearScenarios() {
        return ex -> {
            scenarios.clear();
            responses.noContent(ex);
        };
    }

    private static String query(HttpServerExchange ex, String name) {
        java.util.Deque<String> values = ex.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Integer times(JsonNode body) {
        JsonNode t = body.get("times");
        if (t == null || t.isNull()) {
            return null;
        }
        if (!t.isIntegralNumber() || t.asInt() < 1) {
            throw new IllegalArgumentException("times: must be an integer >= 1, got " + t);
        }
        return t.asInt();
    }

    private JsonNode parse(HttpServerExchange ex, byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                responses.error(ex, ApiError.badAdminRequest(null, "the body must be a JSON object"));
                return null;
            }
            return node;
        } catch (java.io.IOException e) {
            responses.error(ex, ApiError.badAdminRequest(null, "invalid JSON: " + e.getMessage()));
            return null;
        }
    }

    private void send(HttpServerExchange ex, int status, JsonNode body) {
        try {
            responses.json(ex, status, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            responses.error(ex, ApiError.internal("cannot render the admin answer"));
        }
    }
}
