package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.JsonSyntaxReason;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.wire.ChatRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chat exchange on its way through the stages: what was received, what the stages have found so far, and
 * the faults handed to it. Each stage fills in what the later ones read; nothing is computed twice. Not
 * thread-safe: one exchange runs its stages on one thread.
 */
public final class ExchangeState {

    /** The body as JSON, or why it is not JSON ({@code json} null then; empty body: both null). */
    record ParsedBody(JsonNode json, String error) {
    }

    private final Exchange exchange;
    private final ObjectMapper mapper;
    private final FaultRegistry faults;
    private final List<Fault> applied = new ArrayList<>();
    private ParsedBody parsed;

    // Filled in by the stages, in this order.
    boolean stream;
    String rateLimitKey;
    String modelId;
    ModelInfo model;
    ChatRequest request;
    int promptTokens;
    int budget;
    Generation generation;
    Pacing pacing = Pacing.NONE;
    Outcome answer;

    ExchangeState(Exchange exchange, ObjectMapper mapper, FaultRegistry faults) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.faults = faults;
    }

    public Exchange exchange() {
        return exchange;
    }

    /**
     * The body parsed as JSON, parsed on first use only: by the read-body stage, or by the journal for an
     * exchange that ended before that stage.
     */
    ParsedBody body() {
        if (parsed == null) {
            parsed = parse();
        }
        return parsed;
    }

    private ParsedBody parse() {
        if (exchange.body().length == 0) {
            return new ParsedBody(null, null);
        }
        try {
            JsonNode node = mapper.readTree(exchange.body());
            return new ParsedBody(node == null || node.isMissingNode() ? null : node, null);
        } catch (JsonProcessingException e) {
            return new ParsedBody(null, JsonSyntaxReason.of(e));
        } catch (IOException | RuntimeException e) {
            return new ParsedBody(null, "unreadable body");
        }
    }

    /** The body as JSON for the journal, or null when it is not JSON (or was too large to read). */
    public JsonNode journalBody() {
        return exchange.bodyTooLarge() ? null : body().json();
    }

    /** Whether the request asked for a stream (false when it ended before its body was read). */
    public boolean stream() {
        return stream;
    }

    /** The types of the faults this exchange was handed, in the order its phases ran. */
    public List<String> appliedFaults() {
        return applied.stream().map(Fault::type).toList();
    }

    /** The faults of a phase this exchange has reached; they count as used by it. */
    List<Fault> faults(Fault.Phase phase) {
        List<Fault> got = faults.take(phase);
        applied.addAll(got);
        return got;
    }

    /** The first fault of a phase where only one can act. */
    Optional<Fault> firstFault(Fault.Phase phase) {
        Optional<Fault> got = faults.takeFirst(phase);
        got.ifPresent(applied::add);
        return got;
    }
}
