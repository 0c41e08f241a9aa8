package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.engine.stages.ChatStages;
import io.friendlikit.mock.engine.stages.ExchangeState;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.Violation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat completions endpoint without HTTP: runs an exchange through the {@link ChatStages} and records it in
 * the journal.
 */
public final class ChatService {

    private final MockConfig config;
    private final ChatStages stages;
    private final Journal journal;

    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Journal journal) {
        this(config, mapper, catalog, faults, scenarios, journal, () -> 0);
    }

    /** @param openStreams streams open right now (the timing model's load factor reads it) */
    public ChatService(MockConfig config, ObjectMapper mapper, ModelCatalog catalog, FaultRegistry faults,
                       ScenarioRegistry scenarios, Journal journal, java.util.function.IntSupplier openStreams) {
        this.config = config;
        this.stages = new ChatStages(config, mapper, catalog, faults, scenarios, openStreams);
        this.journal = journal;
    }

    public Outcome handle(Exchange exchange) {
        ExchangeState state = stages.begin(exchange);
        Outcome outcome = stages.run(state);
        record(state, outcome);
        return outcome;
    }

    private void record(ExchangeState state, Outcome outcome) {
        try {
            journal.record(entry(state, outcome));
        } catch (RuntimeException | OutOfMemoryError e) {
            // Recording must never fail the request it records: the entry is dropped.
        }
    }

    private Journal.Entry entry(ExchangeState state, Outcome outcome) {
        Exchange exchange = state.exchange();
        Outcome.Failure failure = outcome instanceof Outcome.Failure f ? f : null;
        int status = failure != null ? failure.error().status() : 200;
        String error = failure != null ? failure.error().message() : null;
        List<Violation> violations = failure != null ? failure.error().violations() : List.of();
        Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
        headers.computeIfPresent("authorization", (k, v) -> mask(v));
        byte[] body = exchange.body();
        // The journal keeps a JSON body as its bytes (compact whatever its shape); one too large for it keeps
        // the start of its text only, as a body that is not JSON does.
        JsonNode json = body.length > journal.bodyLimitBytes() ? null : state.journalBody();
        byte[] kept = json != null ? body : null;
        String raw = null;
        if (kept == null && body.length > 0) {
            raw = new String(body, 0, Math.min(body.length, Journal.RAW_PREFIX_BYTES), StandardCharsets.UTF_8);
        }
        JsonNode model = json == null ? null : json.get("model");
        return new Journal.Entry(journal.nextId(), config.clock().instant(), exchange.method(), exchange.path(),
                headers, kept, raw, model != null && model.isTextual() ? model.asText() : null, status, error,
                violations, state.appliedFaults(), state.stream());
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
