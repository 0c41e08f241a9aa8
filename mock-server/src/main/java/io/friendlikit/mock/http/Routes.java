package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.admin.Admin;
import io.friendlikit.mock.admin.AdminJson;
import io.friendlikit.mock.admin.AdminRoutes;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.delivery.StreamBudget;
import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.metrics.ExchangeObserver;
import io.friendlikit.mock.validation.ValidationContext.Flavour;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every route of the mock in one table (the admin operations are listed in {@link AdminRoutes}). A request whose
 * framing is ambiguous is refused first ({@link FramingRules}). Unknown paths answer 404 and known paths with another
 * method 405, both with the JSON error envelope. CORS (when configured) applies to the API routes, never to
 * {@code /__admin}.
 */
public final class Routes implements HttpHandler {

    /** One method on one path. */
    public record Route(String method, String path, String purpose, HttpHandler handler) {
    }

    private final List<Route> table;
    private final Map<String, Map<String, Route>> byPath = new LinkedHashMap<>();
    private final Responses responses;
    private final String corsOrigin;

    public Routes(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, ChatService chat,
                  Responses responses, StreamBudget streams, Admin admin) {
        this(config, mapper, catalog, chat, responses, streams, admin, ExchangeObserver.NONE);
    }

    /** @param observer told when answers are delivered (first byte, end of a stream) */
    public Routes(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, ChatService chat,
                  Responses responses, StreamBudget streams, Admin admin, ExchangeObserver observer) {
        this(config, mapper, catalog, chat, responses, streams, admin, observer, null, line -> { });
    }

    /**
     * @param recording where record mode writes ({@code --record-to}), or null: the chat routes are then served by
     *                  the emulator; with it they forward to {@code --upstream} and record each exchange
     * @param log       record mode's lines (one per recording)
     */
    public Routes(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, ChatService chat,
                  Responses responses, StreamBudget streams, Admin admin, ExchangeObserver observer,
                  io.friendlikit.mock.recording.RecordingFiles recording, java.util.function.Consumer<String> log) {
        this.responses = responses;
        Responder responder = new Responder(responses, streams, observer);
        this.corsOrigin = config.corsOrigin();
        long limit = config.maxBodyBytes();
        long readTimeout = config.readTimeoutMs();
        RecordingProxy proxy = recording == null ? null
                : new RecordingProxy(config.upstream(), recording, responses, limit, readTimeout, log,
                        admin.journal(), admin::now);
        java.util.function.Function<Flavour, HttpHandler> chatHandler = flavour -> proxy != null ? proxy
                : new ChatHandler(flavour, chat, responses, responder, limit, readTimeout);
        List<Route> routes = new ArrayList<>(List.of(
                new Route("POST", "/serverless/v1/chat/completions", "chat completions, serverless (bearer auth)",
                        chatHandler.apply(Flavour.SERVERLESS)),
                new Route("POST", "/dedicated/v1/chat/completions",
                        "chat completions, dedicated endpoints (model = endpoint id)",
                        chatHandler.apply(Flavour.DEDICATED)),
                new Route("POST", "/v1/chat/completions", "chat completions, Friendli Container flavour (no auth)",
                        chatHandler.apply(Flavour.CONTAINER)),
                new Route("GET", "/serverless/v1/models", "the model catalogue",
                        new ModelsHandler(mapper, catalog, responses))));
        if (config.admin()) {
            AdminJson json = new AdminJson(mapper);
            AdminGuard guard = new AdminGuard(config);
            for (AdminRoutes.Route r : AdminRoutes.TABLE) {
                routes.add(new Route(r.method(), AdminRoutes.ROOT + r.path(), r.purpose(),
                        new AdminHandler(r.task(), AdminRoutes.ROOT + r.path(), admin, json, responses, limit,
                                readTimeout, guard)));
            }
        }
        this.table = List.copyOf(routes);
        for (Route r : table) {
            byPath.computeIfAbsent(r.path(), p -> new LinkedHashMap<>()).put(r.method(), r);
        }
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

    /** The route path a path with a named last segment matches ({@code /__admin/sessions/a} → {@code .../{name}}). */
    private static String named(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 || slash == path.length() - 1 ? path
                : path.substring(0, slash + 1) + AdminRoutes.NAME;
    }

    public List<Route> table() {
        return table;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ApiError badFraming = FramingRules.check(exchange);
        if (badFraming != null) {
            exchange.setPersistent(false);
            responses.error(exchange, badFraming);
            return;
        }
        String path = exchange.getRequestPath();
        String method = exchange.getRequestMethod().toString();
        Map<String, Route> methods = byPath.get(path);
        if (methods == null) {
            methods = byPath.get(named(path));
        }
        boolean admin = path.equals(AdminRoutes.ROOT) || path.startsWith(AdminRoutes.ROOT + "/");
        boolean cors = corsOrigin != null && !corsOrigin.isEmpty() && !admin;
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
