package io.friendlikit.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.admin.Admin;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.ErrorEnvelope;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.errors.ErrorRenderer;
import io.friendlikit.mock.http.Responses;
import io.friendlikit.mock.http.Routes;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.undertow.Undertow;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The mock server, embeddable in tests:
 *
 * <pre>{@code
 * try (MockServer server = MockServer.builder().port(0).seed(42).build().start()) {
 *     URI root = server.baseUri();              // http://127.0.0.1:<port>
 *     URI serverless = server.serverlessUri();  // root + /serverless/v1, what an OpenAI client takes
 *     ...
 * }
 * }</pre>
 *
 * Faults, scripted answers and the journal can be driven through the admin HTTP API or directly through
 * {@link #faults()}, {@link #scenarios()} and {@link #journal()}.
 */
public final class MockServer implements Admin, AutoCloseable {

    private final MockConfig config;
    private final ModelCatalog catalog;
    private final FaultRegistry faults = new FaultRegistry();
    private final ScenarioRegistry scenarios = new ScenarioRegistry();
    private final Journal journal;
    private final Routes routes;
    private Undertow undertow;
    private URI baseUri;

    private MockServer(MockConfig config, ModelCatalog catalog, java.util.function.Consumer<String> requestLog) {
        this.config = config;
        this.catalog = catalog;
        this.journal = new Journal(config.journalSize(), entry -> requestLog.accept(entry.summary()));
        ObjectMapper mapper = Mappers.wire();
        Responses responses = new Responses(new ErrorRenderer(mapper, config.errorEnvelope()));
        ChatService chat = new ChatService(config, mapper, catalog, faults, scenarios, journal);
        this.routes = new Routes(config, mapper, catalog, chat, responses, this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this. */
    public synchronized MockServer start() {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        Undertow server = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setHandler(routes)
                .build();
        server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : config.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        this.baseUri = URI.create("http://" + host + ":" + address.getPort());
        this.undertow = server;
        return this;
    }

    /** The root, e.g. {@code http://127.0.0.1:54321}; routes are below it. */
    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("not started");
        }
        return baseUri;
    }

    /** Base URL for serverless clients: root + {@code /serverless/v1}. */
    public URI serverlessUri() {
        return URI.create(baseUri() + "/serverless/v1");
    }

    public int port() {
        return baseUri().getPort();
    }

    public MockConfig config() {
        return config;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    @Override
    public FaultRegistry faults() {
        return faults;
    }

    @Override
    public ScenarioRegistry scenarios() {
        return scenarios;
    }

    @Override
    public Journal journal() {
        return journal;
    }

    /** Streams being written right now (a stream ends when written whole, cut by a fault, or the client leaves). */
    @Override
    public int openStreams() {
        return routes.openStreams();
    }

    public List<Routes.Route> routes() {
        return routes.table();
    }

    /** Clears faults, scenarios and the journal. */
    @Override
    public void reset() {
        faults.clear();
        scenarios.clear();
        journal.clear();
    }

    @Override
    public synchronized void close() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
    }

    /** Builds a server; unset values take the defaults of {@link io.friendlikit.mock.config.Setting}. */
    public static final class Builder {
        private MockConfig.Builder config = MockConfig.defaults().toBuilder();
        private ModelCatalog catalog;
        private java.util.function.Consumer<String> requestLog = line -> { };

        private Builder() {
        }

        /** Starts from a whole configuration (e.g. one resolved from flags); later calls change it. */
        public Builder config(MockConfig config) {
            this.config = config.toBuilder();
            return this;
        }

        public Builder port(int port) {
            config.port(port);
            return this;
        }

        public Builder host(String host) {
            config.host(host);
            return this;
        }

        public Builder tokens(Set<String> tokens) {
            config.tokens(tokens);
            return this;
        }

        public Builder teams(Set<String> teams) {
            config.teams(teams);
            return this;
        }

        public Builder strictUnknownFields(boolean strict) {
            config.strictUnknownFields(strict);
            return this;
        }

        public Builder seed(long seed) {
            config.seed(seed);
            return this;
        }

        public Builder maxBodyBytes(long limit) {
            config.maxBodyBytes(limit);
            return this;
        }

        public Builder errorEnvelope(ErrorEnvelope envelope) {
            config.errorEnvelope(envelope);
            return this;
        }

        public Builder endpoints(Set<String> endpoints) {
            config.endpoints(endpoints);
            return this;
        }

        public Builder pacing(long firstTokenMs, long interTokenMs) {
            config.pacing(firstTokenMs, interTokenMs);
            return this;
        }

        public Builder clock(Clock clock) {
            config.clock(clock);
            return this;
        }

        public Builder usageChunkAlways(boolean always) {
            config.usageChunkAlways(always);
            return this;
        }

        /** Origin browsers may call from ({@code *} for any), with OPTIONS preflights; empty: no CORS. */
        public Builder corsOrigin(String origin) {
            config.corsOrigin(origin);
            return this;
        }

        /** Requests per minute per bearer token; 0 switches the limit off. */
        public Builder rateLimitRpm(int perMinute) {
            config.rateLimitRpm(perMinute);
            return this;
        }

        /** Receives one line per chat request (see {@link Journal.Entry#summary()}); silent by default. */
        public Builder requestLog(java.util.function.Consumer<String> sink) {
            this.requestLog = sink;
            return this;
        }

        public Builder catalog(ModelCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Builds the server; the catalogue is the one given, else the models file of the config, else built in. */
        public MockServer build() {
            MockConfig built = config.build();
            return new MockServer(built, catalog != null ? catalog : catalogOf(built), requestLog);
        }

        private static ModelCatalog catalogOf(MockConfig config) {
            if (config.modelsFile() == null || config.modelsFile().isEmpty()) {
                return ModelCatalog.defaults();
            }
            try {
                return ModelCatalog.fromJson(Mappers.wire().readTree(java.nio.file.Path.of(config.modelsFile())
                        .toFile()));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new io.friendlikit.mock.config.ConfigException("--models-file " + config.modelsFile() + ": "
                        + e.getMessage());
            }
        }
    }
}
