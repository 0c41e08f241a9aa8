package io.friendlikit.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.generation.CannedReply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted answer: when every condition holds for a request, the scenario answers it. With several answers (a
 * sequence), the scenario's first match gets the first, the second match the second, and so on; the last one
 * answers every later match. Of several matching scenarios the one with the highest {@code priority} answers (see
 * {@link ScenarioRegistry}). Thread-safe: the only state is the count of matches so far.
 */
public final class Scenario {

    private final String name;
    private final int priority;
    private final List<Condition> conditions;
    private final List<Answer> sequence;
    private final JsonNode definition;
    private final String source;
    private final AtomicLong matches = new AtomicLong();

    /**
     * @param name       a label shown in lists and logs, or null
     * @param conditions all must hold; empty: every request
     * @param sequence   the answers, in order of the matches (at least one)
     * @param definition the scenario as added (its admin JSON), listed back; or null
     * @param source     the fixture file it was loaded from, or null for one added through the admin API
     */
    public Scenario(String name, int priority, List<Condition> conditions, List<Answer> sequence, JsonNode definition,
                    String source) {
        this.name = name;
        this.priority = priority;
        this.conditions = List.copyOf(conditions);
        this.sequence = List.copyOf(sequence);
        if (this.sequence.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one answer");
        }
        this.definition = definition == null ? null : definition.deepCopy();
        this.source = source;
    }

    /**
     * The original scenario: the last user message contains {@code contains} (case-insensitive; null: any) and
     * the request names {@code model} (null: any); answered with {@code reply}.
     */
    public Scenario(String contains, String model, CannedReply reply) {
        this(null, 0, legacy(contains, model), List.of(Answer.of(checked(reply))), null, null);
    }

    private static CannedReply checked(CannedReply reply) {
        Objects.requireNonNull(reply, "reply");
        if (reply.content() == null && reply.toolCalls().isEmpty()) {
            throw new IllegalArgumentException("a scenario's reply needs content or tool calls");
        }
        for (CannedReply.Call call : reply.toolCalls()) {
            if (call.name() == null || call.arguments() == null) {
                throw new IllegalArgumentException("a scripted tool call needs a name and arguments");
            }
        }
        return reply;
    }

    private static List<Condition> legacy(String contains, String model) {
        List<Condition> out = new ArrayList<>();
        if (contains != null) {
            out.add(new Condition.LastUserMessage(TextRule.containing(contains, true)));
        }
        if (model != null) {
            out.add(new Condition.Model(TextRule.equalTo(model, false)));
        }
        return out;
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<Answer> sequence() {
        return sequence;
    }

    /** The scenario as it was added (admin JSON), or null when built in code. */
    public JsonNode definition() {
        return definition == null ? null : definition.deepCopy();
    }

    /** The fixture file it came from, or null. */
    public String source() {
        return source;
    }

    /** How many requests it has answered. */
    public long matches() {
        return matches.get();
    }

    /** Whether every condition holds for the request. */
    public boolean matches(RequestView request) {
        return Condition.all(conditions, request);
    }

    /** The answer of the next match (counting it). */
    Answer nextAnswer() {
        long n = matches.getAndIncrement();
        return sequence.get((int) Math.min(n, sequence.size() - 1));
    }
}
