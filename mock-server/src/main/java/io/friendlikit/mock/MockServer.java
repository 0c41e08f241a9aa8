package io.friendlikit.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.admin.Admin;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.ErrorEnvelope;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.config.UsageChunk;
import io.friendlikit.mock.delivery.StreamBudget;
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
import java.util.function.Consumer;

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
 * Any other setting goes through {@link Builder#set(Setting, Object)}, e.g.
 * {@code MockServer.builder().port(0).set(Setting.JOURNAL_SIZE, 10)}; its names, rules and defaults are those of
 * the command line ({@link Setting}).
 * Faults, scripted answers and the journal can be driven through the admin HTTP API or directly through
 * {@link #faults()}, {@link #scenarios()} and {@link #journal()}.
 */
public final class MockServer implements Admin, AutoCloseable {

    private final MockConfig config;
    private final ModelCatalog catalog;
    private final FaultRegistry faults = new FaultRegistry();
    private final ScenarioRegistry scenarios = new ScenarioRegistry();
    private final Journal journal;
    /** Open streams together may hold a quarter of the heap (their generation state); beyond it a stream gets 429. */
    private final StreamBudget streams = StreamBudget.quarterOfHeap();
    private final Routes routes;
    private Undertow undertow;
    private URI baseUri;

    private MockServer(MockConfig config, ModelCatalog catalog, java.util.function.Consumer<String> requestLog) {
        this.config = config;
        this.catalog = catalog;
        this.journal = new Journal(config.journalSize(), config.journalBytes(),
                entry -> requestLog.accept(entry.summary()));
        ObjectMapper mapper = Mappers.wire();
        Responses responses = new Responses(new ErrorRenderer(mapper, config.errorEnvelope()));
        ChatService chat = new ChatService(config, mapper, catalog, faults, scenarios, journal, streams::openStreams);
        this.routes = new Routes(config, mapper, catalog, chat, responses, streams, this);
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
        return streams.openStreams();
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

    /**
     * Builds a server; unset settings keep their defaults. Every {@link Setting} can be set, through
     * {@link #set(Setting, Object)} or {@link #config(Consumer)}; the named methods are shorthands for the common
     * ones. A value a setting does not take is refused at once with a {@link ConfigException} naming the setting
     * and the rule, as the command line would refuse it.
     */
    public static final class Builder {
        private MockConfig.Builder config = new MockConfig.Builder();
        private ModelCatalog catalog;
        private java.util.function.Consumer<String> requestLog = line -> { };

        private Builder() {
        }

        /** Starts from a whole configuration (e.g. one resolved from flags); later calls change it. */
        public Builder config(MockConfig config) {
            this.config = config.toBuilder();
            return this;
        }

        /** Changes any settings: {@code config(c -> c.set(Setting.ADMIN, false).set(Setting.JOURNAL_SIZE, 10))}. */
        public Builder config(Consumer<MockConfig.Builder> change) {
            change.accept(config);
            return this;
        }

        /** Sets one setting, e.g. {@code set(Setting.CLOCK, MockConfig.fixedClock(0))}. */
        public <T> Builder set(Setting<T> setting, T value) {
            config.set(setting, value);
            return this;
        }

        public Builder port(int port) {
            return set(Setting.PORT, port);
        }

        public Builder host(String host) {
            return set(Setting.HOST, host);
        }

        public Builder tokens(Set<String> tokens) {
            return set(Setting.TOKENS, tokens);
        }

        public Builder teams(Set<String> teams) {
            return set(Setting.TEAMS, teams);
        }

        public Builder strictUnknownFields(boolean strict) {
            return set(Setting.STRICT, strict);
        }

        public Builder seed(long seed) {
            return set(Setting.SEED, seed);
        }

        public Builder maxBodyBytes(long limit) {
            return set(Setting.MAX_BODY_BYTES, limit);
        }

        public Builder errorEnvelope(ErrorEnvelope envelope) {
            return set(Setting.ERROR_ENVELOPE, envelope);
        }

        public Builder endpoints(Set<String> endpoints) {
            return set(Setting.ENDPOINTS, endpoints);
        }

        /** {@link Setting#FIRST_TOKEN_MS} and {@link Setting#INTER_TOKEN_MS} together. */
        public Builder pacing(long firstTokenMs, long interTokenMs) {
            return set(Setting.FIRST_TOKEN_MS, firstTokenMs).set(Setting.INTER_TOKEN_MS, interTokenMs);
        }

        public Builder clock(Clock clock) {
            return set(Setting.CLOCK, clock);
        }

        public Builder usageChunkAlways(boolean always) {
            return set(Setting.USAGE_CHUNK, always ? UsageChunk.ALWAYS : UsageChunk.REQUESTED);
        }

        /** Origin browsers may call from ({@code *} for any), with OPTIONS preflights; empty: no CORS. */
        public Builder corsOrigin(String origin) {
            return set(Setting.CORS_ORIGIN, origin);
        }

        /** Requests per minute per bearer token; 0 switches the limit off. */
        public Builder rateLimitRpm(int perMinute) {
            return set(Setting.RATE_LIMIT_RPM, perMinute);
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
                throw new ConfigException(Setting.MODELS_FILE.flag() + " " + config.modelsFile() + ": "
                        + e.getMessage());
            }
        }
    }
}
