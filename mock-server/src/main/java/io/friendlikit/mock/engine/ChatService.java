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

/**
 * The chat completions endpoint without HTTP: runs an exchange through the {@link ChatStages} and records it in
 * the journal.
 */
public final class ChatService {

    /** Bodies larger than this are journaled as their first {@value #JOURNAL_RAW_CHARS} bytes of text only. */
    static final int JOURNAL_BODY_LIMIT = 65_536;
    private static final int JOURNAL_RAW_CHARS = 4096;

    private final MockConfig config;
    private final ChatStages stages;
    private final Journal journal;
    private final ExchangeObserver observer;

    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Journal journal) {
        this(config, mapper, catalog, faults, scenarios, new Sessions(), journal, ExchangeObserver.NONE);
    }

    /** @param observer told of every exchange's answer, after the journal */
    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Sessions sessions, Journal journal, ExchangeObserver observer) {
        this.config = config;
        this.stages = new ChatStages(config, mapper, catalog, faults, scenarios, sessions);
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

    private long record(ExchangeState state, Outcome outcome) {
        Exchange exchange = state.exchange();
        Outcome.Failure failure = outcome instanceof Outcome.Failure f ? f : null;
        int status = failure != null ? failure.error().status() : 200;
        String error = failure != null ? failure.error().message() : null;
        List<Violation> violations = failure != null ? failure.error().violations() : List.of();
        Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
        headers.computeIfPresent("authorization", (k, v) -> mask(v));
        // A full journal of large bodies would hold gigabytes: those keep only the start of their text.
        JsonNode kept = exchange.body().length > JOURNAL_BODY_LIMIT ? null : state.journalBody();
        String raw = null;
        if (kept == null && exchange.body().length > 0) {
            int end = Math.min(exchange.body().length, JOURNAL_RAW_CHARS);
            raw = new String(exchange.body(), 0, end, StandardCharsets.UTF_8);
        }
        long id = journal.nextId();
        journal.record(new Journal.Entry(id, config.clock().instant(), exchange.method(),
                exchange.path(), headers, kept, raw, status, error, violations, state.appliedFaults(),
                state.stream(), state.sessionName(), null));
        return id;
    }

    private void observe(ExchangeState state, Outcome outcome) {
        Outcome.Failure failure = outcome instanceof Outcome.Failure f ? f : null;
        List<String> rules = failure == null || failure.error().violations().isEmpty() ? List.of()
                : failure.error().violations().stream().map(Violation::rule).toList();
        observer.answered(new ExchangeObserver.Answered(state.exchange().path(),
                failure != null ? failure.error().status() : 200, state.modelId(), state.stream(), rules,
                state.appliedFaults(), failure != null ? 0 : state.promptTokens(),
                failure != null ? 0 : state.completionTokens()));
    }

    private static String mask(String authorization) {
        String t = authorization.trim();
        int space = t.indexOf(' ');
        if (space < 0) {
            return "***";
        }
        String token = t.substring(space + 1).trim();
        String visible = token.length() > 4 ? token.substring(0, 4) : "";
        return t.substring(0, space) + " " + visible + "***";
    }
}
