package io.friendlikit.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.admin.Admin;
import io.friendlikit.mock.admin.AdminJson;
import io.friendlikit.mock.admin.FixtureFiles;
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
import io.friendlikit.mock.http.HttpListener;
import io.friendlikit.mock.http.Responses;
import io.friendlikit.mock.http.Routes;
import io.friendlikit.mock.metrics.MockMetrics;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.RateLimits;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.io.IOException;
import io.friendlikit.mock.recording.RecordingFiles;
import io.friendlikit.mock.recording.ReplayIndex;
import java.time.Clock;
import java.util.HashSet;
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
 * {@link #faults()}, {@link #scenarios()} and {@link #journal()}; {@link #metrics()} counts what it served.
 */
public final class MockServer implements Admin, AutoCloseable {

    private final MockConfig config;
    private final ModelCatalog catalog;
    private final FaultRegistry faults;
    private final ScenarioRegistry scenarios = new ScenarioRegistry();
    private final Sessions sessions;
    private final RateLimits rateLimits;
    private final Journal journal;
    /** Open streams together may hold a quarter of the heap (their generation state); beyond it a stream gets 429. */
    private final StreamBudget streams = StreamBudget.quarterOfHeap();
    private final MockMetrics metrics;
    private final Routes routes;
    private final ErrorRenderer errors;
    private final FixtureFiles fixtureFiles;
    private final ReplayIndex replays;
    private final long fixturesPollMs;
    private HttpListener listener;
    private URI baseUri;

    private MockServer(MockConfig config, ModelCatalog catalog, java.util.function.Consumer<String> requestLog,
                       Consumer<String> log, long fixturesPollMs) {
        this.config = config;
        this.catalog = catalog;
        this.faults = new FaultRegistry(config.seed());
        this.sessions = new Sessions(config.seed());
        // Without a request log, no summary line is built per request.
        this.journal = requestLog == null ? new Journal(config.journalSize(), config.journalBytes(), entry -> { })
                : new Journal(config.journalSize(), config.journalBytes(), entry -> requestLog.accept(entry.summary()));
        ObjectMapper mapper = Mappers.wire();
        this.fixturesPollMs = fixturesPollMs;
        this.replays = new ReplayIndex(config.get(Setting.REPLAY_MATCH));
        this.fixtureFiles = new FixtureFiles(config.fixtures().stream().map(Path::of).toList(),
                config.fixturesLenient(), scenarios, replays, new AdminJson(mapper), log);
        if (!config.fixtures().isEmpty()) {
            try {
                fixtureFiles.load();
            } catch (FixtureFiles.FixtureException e) {
                throw new ConfigException(Setting.FIXTURES.flag() + ": " + e.getMessage()
                        + " (" + Setting.FIXTURES_LENIENT.flag() + " true skips such files)");
            }
        }
        this.errors = new ErrorRenderer(mapper, config.errorEnvelope());
        Responses responses = new Responses(errors);
        Set<String> models = new HashSet<>();
        catalog.all().forEach(model -> models.add(model.id()));
        models.addAll(config.endpoints());
        this.metrics = new MockMetrics(models, streams::openStreams);
        this.rateLimits = new RateLimits(config.rateLimitRpm(), config.rateLimitTpm());
        ChatService chat = new ChatService(config, mapper, catalog, faults, scenarios, sessions, journal, metrics,
                streams::openStreams, rateLimits, replays);
        this.routes = new Routes(config, mapper, catalog, chat, responses, streams, this, metrics,
                recordingFiles(config), log);
    }

    /** Record mode's directory, checked (it needs --upstream, and must be writable), or null when not recording. */
    private static RecordingFiles recordingFiles(MockConfig config) {
        if (config.recordTo() == null && config.upstream() == null) {
            return null;
        }
        if (config.recordTo() == null || config.upstream() == null) {
            throw new ConfigException(Setting.RECORD_TO.flag() + " and " + Setting.UPSTREAM.flag()
                    + " go together: record mode forwards to the upstream and writes to the directory");
        }
        try {
            return new RecordingFiles(Path.of(config.recordTo()));
        } catch (IOException e) {
            throw new ConfigException(Setting.RECORD_TO.flag() + ": " + e.getMessage());
        }
    }

    /** The recordings loaded from the fixture directories (they answer the requests they match). */
    @Override
    public int recordingsLoaded() {
        return replays.size();
    }

    @Override
    public java.time.Instant now() {
        return config.clock().instant();
    }

    @Override
    public String upstream() {
        return config.recordTo() == null ? null : config.upstream();
    }

    @Override
    public String recordingTo() {
        return config.recordTo() == null ? null : Path.of(config.recordTo()).toAbsolutePath().normalize().toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this. */
    public synchronized MockServer start() {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        HttpListener server = HttpListener.start(config.host(), config.port(), routes, errors,
                config.readTimeoutMs(), config.idleTimeoutMs());
        InetSocketAddress address = server.address();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : config.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        this.baseUri = URI.create("http://" + host + ":" + address.getPort());
        this.listener = server;
        if (fixturesPollMs > 0) {
            fixtureFiles.watch(fixturesPollMs);
        }
        return this;
    }

    /** The root, e.g. {@code http://127.0.0.1:54321}; routes are below it. */
    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("not started");
        }
        return baseUri;
    }

    /** The address the listener is bound to: the configured host (a wildcard such as 0.0.0.0 included) and port. */
    public InetSocketAddress boundAddress() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return listener.address();
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

    /** The faults and scenarios of each {@code X-Mock-Session}. */
    @Override
    public Sessions sessions() {
        return sessions;
    }

    /** Streams being written right now (a stream ends when written whole, cut by a fault, or the client leaves). */
    @Override
    public int openStreams() {
        return streams.openStreams();
    }

    @Override
    public java.util.Set<String> allowedTeams() {
        return config.teams();
    }

    @Override
    public java.util.List<String> fixtureDirectories() {
        return config.fixtures().stream().map(dir -> Path.of(dir).toAbsolutePath().normalize().toString()).toList();
    }

    /**
     * What the server has served: requests by route, status and model, violations by rule, faults, tokens, open
     * streams, time to first token and stream durations (also at {@code GET /__admin/metrics}). It counts from the
     * start; {@link #reset()} leaves it alone, so a test compares two readings, e.g.
     * {@code metrics().count(MockMetrics.REQUESTS, "status", "422")} before and after.
     */
    @Override
    public MockMetrics metrics() {
        return metrics;
    }

    public List<Routes.Route> routes() {
        return routes.table();
    }

    /** Clears faults, scenarios, every session and the journal; the metrics keep counting (see {@link #metrics()}). */
    @Override
    public void reset() {
        faults.clear();
        scenarios.clear();
        sessions.clear();
        journal.clear();
        rateLimits.restore();
    }

    /** The request and token limits in force; {@link #reset()} puts the start settings back. */
    @Override
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Reloads the fixture files now if any was added, changed or removed (the server also looks by itself, every
     * {@link Builder#fixturesPollMs(long) poll interval}); returns whether anything changed.
     */
    public boolean reloadFixtures() {
        return fixtureFiles.reloadIfChanged();
    }

    @Override
    public synchronized void close() {
        fixtureFiles.close();
        if (listener != null) {
            listener.close();
            listener = null;
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
        private Consumer<String> log = line -> { };
        private long fixturesPollMs = 1000;

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

        /** Tokens (prompt + completion) per minute per bearer token; 0: no limit. */
        public Builder rateLimitTpm(long perMinute) {
            return set(Setting.RATE_LIMIT_TPM, perMinute);
        }

        /** Receives one line per chat request (see {@link Journal.Entry#summary()}); silent by default. */
        public Builder requestLog(java.util.function.Consumer<String> sink) {
            this.requestLog = sink;
            return this;
        }

        /**
         * Scenario directories ({@link Setting#FIXTURES}): every {@code *.json} below them is loaded when the
         * server is built (a file that does not load is a {@link ConfigException} naming the file, the JSON
         * Pointer and the rule, unless {@link Setting#FIXTURES_LENIENT}), and reloaded when it changes.
         */
        public Builder fixtures(Path... directories) {
            java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
            for (Path d : directories) {
                dirs.add(d.toString());
            }
            return set(Setting.FIXTURES, dirs);
        }

        /** How often the fixture directories are looked at for changes; 0 switches hot reload off. */
        public Builder fixturesPollMs(long intervalMs) {
            if (intervalMs < 0) {
                throw new IllegalArgumentException("fixturesPollMs: must be >= 0, got " + intervalMs);
            }
            this.fixturesPollMs = intervalMs;
            return this;
        }

        /** Receives the server's own messages (fixture loads and reloads); silent by default. */
        public Builder log(Consumer<String> sink) {
            this.log = sink;
            return this;
        }

        public Builder catalog(ModelCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** Builds the server; the catalogue is the one given, else the models file of the config, else built in. */
        public MockServer build() {
            MockConfig built = config.build();
            return new MockServer(built, catalog != null ? catalog : catalogOf(built), requestLog, log,
                    fixturesPollMs);
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
