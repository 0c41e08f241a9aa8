package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.JsonSyntaxReason;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.RequestView;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;
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
    private final ScenarioRegistry scenarios;
    private final List<Fault> applied = new ArrayList<>();
    private final List<Fault> scripted = new ArrayList<>();
    private ParsedBody parsed;

    // Filled in by the stages, in this order.
    /** X-Mock-Session, checked; null when not given. */
    String sessionName;
    /** That session's registries, or null when it has none open. */
    Sessions.Session session;
    /** X-Mock-Fault: faults for this request alone. */
    List<Fault> requestFaults = List.of();
    /** X-Mock-Scenario, or null. */
    String scenarioId;
    boolean stream;
    String rateLimitKey;
    String modelId;
    ModelInfo model;
    ChatRequest request;
    int promptTokens;
    int budget;
    Generation generation;
    /** Token counts a scenario's reply reports instead of the counted ones, or null. */
    CannedReply.ReportedUsage reportedUsage;
    /** The delays a scenario's answer brings instead of the server's timing model, or null. */
    TimingModel scriptedTiming;
    Pacing pacing = Pacing.NONE;
    Outcome answer;

    ExchangeState(Exchange exchange, ObjectMapper mapper, FaultRegistry faults, ScenarioRegistry scenarios) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.faults = faults;
        this.scenarios = scenarios;
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

    /** The {@code model} the body names, or null (no body read, or no model in it). */
    public String modelId() {
        return modelId;
    }

    /** The prompt's tokens once the budgets stage has counted them, else 0. */
    public int promptTokens() {
        return promptTokens;
    }

    /** The tokens generated, once the generate stage has run, else 0. */
    public int completionTokens() {
        return generation == null ? 0 : generation.completionTokens();
    }

    /** The X-Mock-Session the request named (checked), or null. */
    public String sessionName() {
        return sessionName;
    }

    /** The types of the faults this exchange was handed, in the order its phases ran. */
    public List<String> appliedFaults() {
        return applied.stream().map(Fault::type).toList();
    }

    /**
     * The faults of a phase this exchange has reached; they count as used by it. All scopes apply: the global
     * faults first, then the session's, then the request's own, so where they overlap the most specific acts last
     * and wins; faults of the scenario that answers come after all of them.
     */
    List<Fault> faults(Fault.Phase phase) {
        List<Fault> got = new ArrayList<>(faults.take(phase));
        if (session != null) {
            got.addAll(session.faults().take(phase));
        }
        for (Fault f : requestFaults) {
            if (f.phase() == phase) {
                got.add(f);
            }
        }
        for (Fault f : scripted) {
            if (f.phase() == phase) {
                got.add(f);
            }
        }
        applied.addAll(got);
        return got;
    }

    /** Faults a matching scenario applies to this exchange alone. */
    void scripted(List<Fault> faults) {
        scripted.addAll(faults);
    }

    /**
     * The first fault of a phase where only one can act: the request's own, else the session's, else a global
     * one. Only the one handed out is used.
     */
    Optional<Fault> firstFault(Fault.Phase phase) {
        Optional<Fault> got = requestFaults.stream().filter(f -> f.phase() == phase).findFirst();
        if (got.isEmpty() && session != null) {
            got = session.faults().takeFirst(phase);
        }
        if (got.isEmpty()) {
            got = faults.takeFirst(phase);
        }
        got.ifPresent(applied::add);
        return got;
    }

    /**
     * The scenario answering this exchange, one of its uses consumed: the one X-Mock-Scenario names (whatever
     * it matches; the session's or a global one), else the session's first match, else the first global match.
     * Empty when X-Mock-Scenario names no active scenario.
     */
    Optional<ScenarioRegistry.Pick> scenario(RequestView view) {
        if (scenarioId != null) {
            Optional<ScenarioRegistry.Pick> named = session == null ? Optional.empty()
                    : session.scenarios().byId(scenarioId);
            return named.isPresent() ? named : scenarios.byId(scenarioId);
        }
        Optional<ScenarioRegistry.Pick> matched = session == null ? Optional.empty()
                : session.scenarios().match(view);
        return matched.isPresent() ? matched : scenarios.match(view);
    }
}
