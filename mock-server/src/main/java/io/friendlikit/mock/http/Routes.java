package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.ValidationContext.Flavour;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Every route of the mock in one table. Unknown paths answer 404 and known paths with another method 405,
 * both with the JSON error envelope.
 */
public final class Routes implements HttpHandler {

    /** One method on one path. */
    public record Route(String method, String path, String purpose, HttpHandler handler) {
    }

    private final List<Route> table;
    private final Map<String, Map<String, Route>> byPath = new LinkedHashMap<>();
    private final Responses responses;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong streamBytes = new java.util.concurrent.atomic.AtomicLong();
    private final String corsOrigin;

    public Routes(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, ChatService chat,
                  Responses responses, FaultRegistry faults, ScenarioRegistry scenarios, Journal journal) {
        this.responses = responses;
        this.corsOrigin = config.corsOrigin();
        long limit = config.maxBodyBytes();
        List<Route> routes = new ArrayList<>(List.of(
                new Route("POST", "/serverless/v1/chat/completions", "chat completions, serverless (bearer auth)",
                        new ChatHandler(Flavour.SERVERLESS, chat, responses, limit, openStreams, streamBytes)),
                new Route("POST", "/dedicated/v1/chat/completions",
                        "chat completions, dedicated endpoints (model = endpoint id)",
                        new ChatHandler(Flavour.DEDICATED, chat, responses, limit, openStreams, streamBytes)),
                new Route("POST", "/v1/chat/completions", "chat completions, Friendli Container flavour (no auth)",
                        new ChatHandler(Flavour.CONTAINER, chat, responses, limit, openStreams, streamBytes)),
                new Route("GET", "/serverless/v1/models", "the model catalogue",
                        new ModelsHandler(mapper, catalog, responses))));
        if (config.admin()) {
            AdminApi admin = new AdminApi(mapper, responses, faults, scenarios, journal, openStreams::get);
            routes.addAll(List.of(
                    new Route("GET", "/__admin/health", "liveness and kind of server", admin.health(config.teams())),
                    new Route("POST", "/__admin/reset", "clear faults, scenarios and journal", admin.reset()),
                    new Route("GET", "/__admin/journal", "requests received and what was wrong with them",
                            admin.journal()),
                    new Route("DELETE", "/__admin/journal", "clear the journal", admin.clearJournal()),
                    new Route("GET", "/__admin/faults", "active faults", admin.listFaults()),
                    new Route("POST", "/__admin/faults", "inject a fault", admin.addFault()),
                    new Route("DELETE", "/__admin/faults", "remove all faults", admin.clearFaults()),
                    new Route("GET", "/__admin/scenarios", "scripted answers", admin.listScenarios()),
                    new Route("POST", "/__admin/scenarios", "script an answer", admin.addScenario()),
                    new Route("DELETE", "/__admin/scenarios", "remove all scripted answers",
                            admin.clearScenarios())));
        }
        this.table = List.copyOf(routes);
        for (Route r : table) {
            byPath.computeIfAbsent(r.path(), p -> new LinkedHashMap<>()).put(r.method(), r);
        }
    }

    /** Streams being written right now. */
    public int openStreams() {
        return openStreams.get();
    }

    /** A CORS preflight: which methods and headers a browser may use on this path. */
    private void preflight(HttpServerExchange exchange, Map<String, Route> methods) {
        var headers = exchange.getResponseHeaders();
        headers.put(HttpString.tryFromString("Access-Control-Allow-Methods"), String.join(", ", methods.keySet()));
        String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        headers.put(HttpString.tryFromString("Access-Control-Allow-Headers"),
                asked != null ? asked : "Authorization, Content-Type, Accept, X-Friendli-Team");
        headers.put(HttpString.tryFromString("Access-Control-Max-Age"), "600");
        responses.noContent(exchange);
    }

    public List<Route> table() {
        return table;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        String method = exchange.getRequestMethod().toString();
        Map<String, Route> methods = byPath.get(path);
        boolean cors = corsOrigin != null && !corsOrigin.isEmpty();
        if (cors) {
            exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Allow-Origin"), corsOrigin);
            exchange.getResponseHeaders().put(HttpString.tryFromString("Access-Control-Expose-Headers"),
                    "Retry-After");
        }
        if (cors && methods != null && method.equals("OPTIONS")) {
            preflight(exchange, methods);
            return;
        }
        if (methods == null) {
            responses.error(exchange, ApiError.routeNotFound(method, path));
            return;
        }
        Route route = methods.get(method);
        if (route == null) {
            String allowed = methods.keySet().stream().collect(Collectors.joining(", "));
            responses.error(exchange, ApiError.methodNotAllowed(method, path, allowed));
            return;
        }
        route.handler().handleRequest(exchange);
    }
}
