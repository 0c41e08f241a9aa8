package io.friendlikit.mock.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The mock's metrics, in a Micrometer registry that renders the Prometheus text format. It counts what the
 * {@link ExchangeObserver} hooks report. Counters only grow for the life of the server: a reset of the mock's
 * state leaves them alone, so compare two readings.
 *
 * <p>Label values come from closed sets only, so a client cannot grow the number of series: {@code model} is a
 * model of the catalogue or a configured endpoint id, {@value #UNKNOWN_MODEL} for any other id and
 * {@value #NO_MODEL} when the request named none; {@code route} is one of the chat paths, {@code rule} a rule id,
 * {@code type} a fault type.
 *
 * <p>Names here are Micrometer's (dotted); the Prometheus names replace the dots by underscores and add
 * {@code _total} to counters and {@code _seconds} to timers, e.g. {@value #REQUESTS} is
 * {@code friendli_mock_requests_total}.
 */
public final class MockMetrics implements ExchangeObserver {

    /** The content type of {@link #scrape()}: the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Chat requests, by {@code route}, {@code status}, {@code model} and {@code stream}. */
    public static final String REQUESTS = "friendli.mock.requests";
    /** Violations in refused requests, by {@code rule}. */
    public static final String VIOLATIONS = "friendli.mock.violations";
    /** Faults applied to requests, by {@code type}. */
    public static final String FAULTS = "friendli.mock.faults";
    /** Tokens of answered requests, by {@code model} and {@code type} ({@code prompt} or {@code completion}). */
    public static final String TOKENS = "friendli.mock.tokens";
    /** Streams being written now (a gauge). */
    public static final String OPEN_STREAMS = "friendli.mock.streams.open";
    /** Streams refused for lack of memory budget (429 {@code mock_busy}). */
    public static final String REFUSED_STREAMS = "friendli.mock.streams.refused";
    /** From the request's arrival to the first byte of a 200 answer, by {@code stream}; a histogram. */
    public static final String TIME_TO_FIRST_TOKEN = "friendli.mock.time.to.first.token";
    /** From a stream's first frame to its end; a histogram. */
    public static final String STREAM_DURATION = "friendli.mock.stream.duration";

    /** The {@code model} label of a model id that is neither in the catalogue nor a configured endpoint. */
    public static final String UNKNOWN_MODEL = "unknown";
    /** The {@code model} label of a request without a model. */
    public static final String NO_MODEL = "none";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Set<String> knownModels;
    // Meters looked up once per distinct label set (each set is bounded), not rebuilt per request.
    private final ConcurrentMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> violations = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> faults = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> promptTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> completionTokens = new ConcurrentHashMap<>();
    private final Timer firstTokenPlain;
    private final Timer firstTokenStream;
    private final Timer streamDuration;
    private final Counter refusedStreams;

    private record RequestKey(String route, int status, String model, boolean stream) {
    }

    /**
     * @param knownModels the model ids that get their own {@code model} label: the catalogue and the endpoints
     * @param openStreams read when scraped: the streams being written now
     */
    public MockMetrics(Set<String> knownModels, IntSupplier openStreams) {
        this.knownModels = Set.copyOf(knownModels);
        Objects.requireNonNull(openStreams, "openStreams");
        Gauge.builder(OPEN_STREAMS, openStreams::getAsInt).description("streams being written now")
                .register(registry);
        this.firstTokenPlain = firstTokenTimer("false");
        this.firstTokenStream = firstTokenTimer("true");
        this.streamDuration = Timer.builder(STREAM_DURATION)
                .description("from a stream's first frame to its end (written whole, cut by a fault or client gone)")
                .serviceLevelObjectives(BUCKETS).register(registry);
        this.refusedStreams = Counter.builder(REFUSED_STREAMS)
                .description("streams refused with 429 mock_busy: open streams held the memory budget")
                .register(registry);
    }

    private Timer firstTokenTimer(String stream) {
        return Timer.builder(TIME_TO_FIRST_TOKEN)
                .description("from a request's arrival to the first byte of its 200 answer (plain body or first frame)")
                .tag("stream", stream).serviceLevelObjectives(BUCKETS).register(registry);
    }

    @Override
    public void answered(Answered exchange) {
        String model = modelLabel(exchange.model());
        requests.computeIfAbsent(new RequestKey(exchange.route(), exchange.status(), model, exchange.stream()),
                key -> Counter.builder(REQUESTS).description("chat requests by route, status answered and model")
                        .tag("route", key.route()).tag("status", Integer.toString(key.status()))
                        .tag("model", key.model()).tag("stream", Boolean.toString(key.stream()))
                        .register(registry)).increment();
        for (String rule : exchange.violatedRules()) {
            violations.computeIfAbsent(rule, r -> Counter.builder(VIOLATIONS)
                    .description("violations in refused chat requests, by rule id").tag("rule", r)
                    .register(registry)).increment();
        }
        for (String type : exchange.faults()) {
            faults.computeIfAbsent(type, t -> Counter.builder(FAULTS)
                    .description("faults applied to chat requests, by type").tag("type", t)
                    .register(registry)).increment();
        }
        if (exchange.promptTokens() > 0) {
            promptTokens.computeIfAbsent(model, m -> tokenCounter(m, "prompt")).increment(exchange.promptTokens());
        }
        if (exchange.completionTokens() > 0) {
            completionTokens.computeIfAbsent(model, m -> tokenCounter(m, "completion"))
                    .increment(exchange.completionTokens());
        }
    }

    private Counter tokenCounter(String model, String type) {
        return Counter.builder(TOKENS).description("tokens of answered chat requests: prompt, and completion (generated)")
                .tag("model", model).tag("type", type).register(registry);
    }

    @Override
    public void firstByte(boolean stream, long nanosSinceReceived) {
        (stream ? firstTokenStream : firstTokenPlain).record(nanosSinceReceived, TimeUnit.NANOSECONDS);
    }

    @Override
    public void streamEnded(long nanosOpen) {
        streamDuration.record(nanosOpen, TimeUnit.NANOSECONDS);
    }

    @Override
    public void streamRefused() {
        refusedStreams.increment();
    }

    /** The label a model id is counted under. */
    public String modelLabel(String model) {
        if (model == null) {
            return NO_MODEL;
        }
        return knownModels.contains(model) ? model : UNKNOWN_MODEL;
    }

    /** Every meter in the Prometheus text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for tests that read a meter ({@code registry().get(REQUESTS).tag("status", "422")...}). */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The sum over every counter or timer named {@code name} whose labels include the given ones: a counter adds
     * its count, a timer the number of times it recorded. 0 when none matches.
     *
     * @param labels label names and values, alternating: {@code count(REQUESTS, "status", "422")}
     */
    public double count(String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs; got " + labels.length + " strings");
        }
        double sum = 0;
        for (Meter meter : registry.find(name).tags(labels).meters()) {
            if (meter instanceof Counter counter) {
                sum += counter.count();
            } else if (meter instanceof Timer timer) {
                sum += timer.count();
            }
        }
        return sum;
    }
}
