package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.engine.stages.ChatStages;
import io.friendlikit.mock.engine.stages.ExchangeState;
import io.friendlikit.mock.metrics.ExchangeObserver;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;
import io.friendlikit.mock.validation.Violation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The chat completions endpoint without HTTP: runs an exchange through the {@link ChatStages} and records it in
 * the journal.
 */
public final class ChatService {

    private final MockConfig config;
    private final ChatStages stages;
    private final Journal journal;
    private final ExchangeObserver observer;

    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Journal journal) {
        this(config, mapper, catalog, faults, scenarios, new Sessions(), journal, ExchangeObserver.NONE, () -> 0);
    }

    /**
     * @param observer    told of every exchange's answer, after the journal
     * @param openStreams streams open right now (the timing model's load factor reads it)
     */
    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Sessions sessions, Journal journal, ExchangeObserver observer,
                       IntSupplier openStreams) {
        this(config, mapper, catalog, faults, scenarios, sessions, journal, observer, openStreams,
                ChatStages.limits(config));
    }

    /** @param rateLimits the request and token limits in force (the admin API may change them) */
    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Sessions sessions, Journal journal, ExchangeObserver observer,
                       IntSupplier openStreams, io.friendlikit.mock.script.RateLimits rateLimits) {
        this(config, mapper, catalog, faults, scenarios, sessions, journal, observer, openStreams, rateLimits,
                new io.friendlikit.mock.recording.ReplayIndex(config.get(io.friendlikit.mock.config.Setting.REPLAY_MATCH)));
    }

    /** @param replays the recordings that answer the requests they match (loaded from fixture directories) */
    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Sessions sessions, Journal journal, ExchangeObserver observer,
                       IntSupplier openStreams, io.friendlikit.mock.script.RateLimits rateLimits,
                       io.friendlikit.mock.recording.ReplayIndex replays) {
        this.config = config;
        this.stages = new ChatStages(config, mapper, catalog, faults, scenarios, sessions, openStreams, rateLimits,
                replays);
        this.journal = journal;
        this.observer = observer;
    }

    /**
     * An outcome to deliver and where to report how its delivery ended (the journal entry's {@code end}).
     *
     * @param ended tell it once, when the last byte is written or the client is gone
     */
    public record Served(Outcome outcome, Consumer<StreamEnd> ended) {
    }

    public Outcome handle(Exchange exchange) {
        return serve(exchange).outcome();
    }

    /** Runs the exchange and journals it; the caller reports the end of its delivery through the answer. */
    public Served serve(Exchange exchange) {
        ExchangeState state = stages.begin(exchange);
        Outcome outcome = stages.run(state);
        long id = record(state, outcome);
        observe(state, outcome);
        return new Served(outcome, end -> journal.ended(id, end));
    }

    /** Journals the exchange and returns its entry's id; recording never fails the request it records. */
    private long record(ExchangeState state, Outcome outcome) {
        long id = journal.nextId();
        try {
            journal.record(entry(id, state, outcome));
        } catch (RuntimeException | OutOfMemoryError e) {
            // the entry is dropped; the answer goes out all the same
        }
        return id;
    }

    private Journal.Entry entry(long id, ExchangeState state, Outcome outcome) {
        Exchange exchange = state.exchange();
        Outcome.Failure failure = outcome instanceof Outcome.Failure f ? f : null;
        int status = failure != null ? failure.error().status()
                : outcome instanceof Outcome.Raw raw ? raw.status() : 200;
        String error = failure != null ? failure.error().message() : null;
        List<Violation> violations = failure != null ? failure.error().violations() : List.of();
        Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
        headers.computeIfPresent("authorization", (k, v) -> Journal.maskAuthorization(v));
        byte[] body = exchange.body();
        // The journal keeps a JSON body as its bytes (compact whatever its shape); one too large for it keeps
        // the start of its text only, as a body that is not JSON does.
        JsonNode json = body.length > journal.bodyLimitBytes() ? null : state.journalBody();
        byte[] kept = json != null ? body : null;
        String raw = kept == null ? Journal.rawPrefix(body) : null;
        JsonNode model = json == null ? null : json.get("model");
        return new Journal.Entry(id, config.clock().instant(), exchange.method(), exchange.path(), headers, kept,
                raw, model != null && model.isTextual() ? model.asText() : null, status, error, violations,
                state.appliedFaults(), state.stream(), state.sessionName(), null,
                failure == null ? null : Journal.waitAskedMs(failure.error().headers().get("retry-after-ms"),
                        failure.error().retryAfterSeconds() == null ? null
                                : failure.error().retryAfterSeconds().toString()));
    }

    private void observe(ExchangeState state, Outcome outcome) {
        Outcome.Failure failure = outcome instanceof Outcome.Failure f ? f : null;
        List<String> rules = failure == null || failure.error().violations().isEmpty() ? List.of()
                : failure.error().violations().stream().map(Violation::rule).toList();
        observer.answered(new ExchangeObserver.Answered(state.exchange().path(),
                failure != null ? failure.error().status() : outcome instanceof Outcome.Raw raw ? raw.status() : 200,
                state.modelId(), state.stream(), rules,
                state.appliedFaults(), failure != null ? 0 : state.promptTokens(),
                failure != null ? 0 : state.completionTokens()));
    }
}
