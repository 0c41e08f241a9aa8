package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.generation.FinishReason;
import io.friendlikit.mock.script.Answer;
import io.friendlikit.mock.script.Condition;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.TextRule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON of a scenario, shared by {@code POST /__admin/scenarios} and fixture files. The records take any
 * combination of members so that Jackson reports unknown members and wrong types first (naming the member);
 * {@link Definition#scenario} then checks the rules and compiles the matchers, throwing {@link InvalidMember}
 * with the member's path in the body.
 */
public final class ScenarioJson {

    /** Most answers in a sequence. */
    static final int MAX_SEQUENCE = 1_000;
    /** Largest priority (and the smallest is its negative). */
    static final int MAX_PRIORITY = 1_000_000;
    /** Largest reported token count. */
    static final int MAX_TOKENS = 100_000_000;
    /** Most scripted logprobs in one answer. */
    static final int MAX_LOGPROBS = 100_000;
    // A scenario's timing takes the ranges of the server's settings (--first-token-ms, --prompt-token-ms,
    // --inter-token-ms, --inter-token-jitter-ms) and of the latency fault.
    static final int MAX_FIRST_TOKEN_MS = 600_000;
    static final double MAX_PROMPT_TOKEN_MS = 1_000;
    static final int MAX_INTER_TOKEN_MS = 60_000;
    static final double MAX_JITTER_MS = 60_000;

    private static final Set<String> ROUTES = Set.of("serverless", "dedicated", "container");
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private ScenarioJson() {
    }

    /**
     * A scenario as written.
     *
     * @param name     a label for lists and logs; optional
     * @param priority of several matching scenarios the highest answers; default 0
     * @param match    which requests it answers; left out: every request
     * @param reply    the answer; or {@code sequence}
     * @param sequence answers for the first, second, … match (the last repeats)
     * @param times    how many requests it answers; left out: every matching one until removed
     */
    public record Definition(String name, Integer priority, Match match, Reply reply, List<Reply> sequence,
                             Times times) implements AdminView {

        /** The definition without {@code times} (what a list shows beside the uses left). */
        Definition withoutTimes() {
            return new Definition(name, priority, match, reply, sequence, null);
        }

        /**
         * Checks the rules and compiles the scenario.
         *
         * @param definition the JSON listed back for it
         * @param source     the fixture file, or null
         * @throws InvalidMember naming the member (its dotted path in the definition)
         */
        Scenario scenario(JsonNode definition, String source) {
            int prio = priority == null ? 0 : priority;
            if (prio < -MAX_PRIORITY || prio > MAX_PRIORITY) {
                throw new InvalidMember("priority", "must be an integer in [" + -MAX_PRIORITY + ", " + MAX_PRIORITY
                        + "], got " + prio);
            }
            List<Answer> answers = new ArrayList<>();
            if (reply != null && sequence != null) {
                throw new InvalidMember("sequence", "give 'reply' or 'sequence', not both");
            }
            if (reply != null) {
                answers.add(reply.answer("reply"));
            } else if (sequence != null) {
                if (sequence.isEmpty() || sequence.size() > MAX_SEQUENCE) {
                    throw new InvalidMember("sequence", "must list 1 to " + MAX_SEQUENCE + " answers, got "
                            + sequence.size());
                }
                for (int i = 0; i < sequence.size(); i++) {
                    Reply r = sequence.get(i);
                    if (r == null) {
                        throw new InvalidMember("sequence[" + i + "]", "must be an object (an answer)");
                    }
                    answers.add(r.answer("sequence[" + i + "]"));
                }
            } else {
                throw new InvalidMember("reply", "required: an object with 'content' and/or 'toolCalls' "
                        + "(or 'error'), unless 'sequence' lists the answers");
            }
            List<Condition> conditions = match == null ? List.of() : match.conditions("match");
            return new Scenario(name, prio, conditions, answers, definition, source);
        }
    }

    /**
     * Which requests a scenario answers; every member given must hold. See mock-server/ADMIN-API.md, "Matchers".
     */
    public record Match(String contains, Text model, String route, Text path, Map<String, Text> headers,
                        Message lastUserMessage, Message systemMessage, List<RoleMessage> messages,
                        List<Pointer> body, Boolean tools, Boolean toolResult, Text toolCallId, Integer turn,
                        Boolean stream) implements AdminView {

        public Match {
            headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            messages = messages == null ? null : Collections.unmodifiableList(new ArrayList<>(messages));
            body = body == null ? null : Collections.unmodifiableList(new ArrayList<>(body));
        }

        List<Condition> conditions(String at) {
            List<Condition> out = new ArrayList<>();
            if (contains != null) {
                out.add(new Condition.LastUserMessage(TextRule.containing(contains, true)));
            }
            if (model != null) {
                out.add(new Condition.Model(model.rule(at + ".model")));
            }
            if (route != null) {
                if (!ROUTES.contains(route)) {
                    throw new InvalidMember(at + ".route", "must be one of container, dedicated, serverless, got '"
                            + route + "'");
                }
                out.add(new Condition.Route(route));
            }
            if (path != null) {
                out.add(new Condition.Path(path.rule(at + ".path")));
            }
            if (headers != null) {
                for (Map.Entry<String, Text> h : headers.entrySet()) {
                    String where = at + ".headers." + h.getKey();
                    if (h.getKey().isBlank()) {
                        throw new InvalidMember(where, "a header name must not be empty");
                    }
                    if (h.getValue() == null) {
                        throw new InvalidMember(where, "must be a string or an object {equals|contains|regex}");
                    }
                    out.add(new Condition.Header(h.getKey().toLowerCase(Locale.ROOT), h.getValue().rule(where)));
                }
            }
            if (lastUserMessage != null) {
                out.add(new Condition.LastUserMessage(lastUserMessage.rule(at + ".lastUserMessage")));
            }
            if (systemMessage != null) {
                out.add(new Condition.AnyMessage("system", systemMessage.rule(at + ".systemMessage")));
            }
            if (messages != null) {
                for (int i = 0; i < messages.size(); i++) {
                    RoleMessage m = messages.get(i);
                    String where = at + ".messages[" + i + "]";
                    if (m == null) {
                        throw new InvalidMember(where, "must be an object {role?, equals|contains|regex}");
                    }
                    out.add(m.condition(where));
                }
            }
            if (body != null) {
                for (int i = 0; i < body.size(); i++) {
                    Pointer p = body.get(i);
                    String where = at + ".body[" + i + "]";
                    if (p == null) {
                        throw new InvalidMember(where, "must be an object {pointer, equals|regex|exists}");
                    }
                    out.add(p.condition(where));
                }
            }
            if (tools != null) {
                out.add(new Condition.Tools(tools));
            }
            if (toolResult != null) {
                out.add(new Condition.ToolResult(toolResult));
            }
            if (toolCallId != null) {
                out.add(new Condition.ToolCallId(toolCallId.rule(at + ".toolCallId")));
            }
            if (turn != null) {
                if (turn < 0) {
                    throw new InvalidMember(at + ".turn", "must be an integer >= 0 (user messages), got " + turn);
                }
                out.add(new Condition.Turn(turn));
            }
            if (stream != null) {
                out.add(new Condition.Stream(stream));
            }
            return out;
        }
    }

    /**
     * A test on text: a string is an exact match; an object gives one of {@code equals}, {@code contains},
     * {@code regex}, and optionally {@code ignoreCase}.
     */
    public record Text(String equals, String contains, String regex, Boolean ignoreCase) implements AdminView {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Text {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Text of(String exactly) {
            return new Text(exactly, null, null, null);
        }

        /** The string form when it is one. */
        @JsonValue
        Object json() {
            if (equals != null && contains == null && regex == null && ignoreCase == null) {
                return equals;
            }
            return members(equals, contains, regex, ignoreCase, null);
        }

        TextRule rule(String at) {
            return ScenarioJson.rule(at, equals, contains, regex, ignoreCase);
        }
    }

    /** A test on a message's text: a string is "contains"; an object as {@link Text}. */
    public record Message(String equals, String contains, String regex, Boolean ignoreCase) implements AdminView {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Message {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Message of(String containing) {
            return new Message(null, containing, null, null);
        }

        @JsonValue
        Object json() {
            if (contains != null && equals == null && regex == null && ignoreCase == null) {
                return contains;
            }
            return members(equals, contains, regex, ignoreCase, null);
        }

        TextRule rule(String at) {
            return ScenarioJson.rule(at, equals, contains, regex, ignoreCase);
        }
    }

    /** Some message (of {@code role}, if given) whose text passes. */
    public record RoleMessage(String role, String equals, String contains, String regex, Boolean ignoreCase)
            implements AdminView {

        Condition condition(String at) {
            if (role != null && !ROLES.contains(role)) {
                throw new InvalidMember(at + ".role", "must be one of assistant, system, tool, user, got '" + role
                        + "'");
            }
            return new Condition.AnyMessage(role, ScenarioJson.rule(at, equals, contains, regex, ignoreCase));
        }
    }

    /** A JSON Pointer into the request body and one test: {@code equals} (any JSON), {@code regex} or {@code exists}. */
    public record Pointer(String pointer, JsonNode equals, String regex, Boolean exists, Boolean ignoreCase)
            implements AdminView {

        Condition condition(String at) {
            if (pointer == null) {
                throw new InvalidMember(at + ".pointer", "required: a JSON Pointer such as /temperature");
            }
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new InvalidMember(at + ".pointer", "a JSON Pointer starts with '/', got '" + pointer + "'");
            }
            JsonPointer compiled;
            try {
                compiled = JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw new InvalidMember(at + ".pointer", "not a JSON Pointer (RFC 6901): " + e.getMessage());
            }
            int given = (equals != null ? 1 : 0) + (regex != null ? 1 : 0) + (exists != null ? 1 : 0);
            if (given != 1) {
                throw new InvalidMember(at + ".equals", "give exactly one of equals, regex, exists; got " + given);
            }
            if (ignoreCase != null && regex == null) {
                throw new InvalidMember(at + ".ignoreCase", "only with 'regex'");
            }
            TextRule rule = regex == null ? null
                    : TextRule.matching(at + ".regex", regex, Boolean.TRUE.equals(ignoreCase));
            return new Condition.Pointer(compiled, equals, rule, exists);
        }
    }

    /**
     * One answer: text, reasoning, tool calls, finish reason, reported usage, the content tokens' logprobs, its
     * timing, faults for this exchange; or an error instead of all of them.
     */
    public record Reply(String content, String reasoning, List<Call> toolCalls, String finishReason, Usage usage,
                        List<Double> logprobs, Timing timing, Error error, List<Fault> faults) implements AdminView {

        public Reply {
            toolCalls = toolCalls == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(toolCalls));
            // not List.copyOf: a null element is reported by answer(), naming its index
            logprobs = logprobs == null ? null : Collections.unmodifiableList(new ArrayList<>(logprobs));
            faults = faults == null ? null : Collections.unmodifiableList(new ArrayList<>(faults));
        }

        static Reply of(CannedReply reply) {
            return new Reply(reply.content(), null, reply.toolCalls().stream()
                    .map(c -> new Call(c.name(), c.arguments())).toList(), null, null, reply.logprobs(), null, null,
                    null);
        }

        Answer answer(String at) {
            List<Fault> applied = new ArrayList<>();
            if (faults != null) {
                for (int i = 0; i < faults.size(); i++) {
                    Fault f = faults.get(i);
                    String where = at + ".faults[" + i + "]";
                    if (f == null) {
                        throw new InvalidMember(where, "must be a fault object with a 'type'");
                    }
                    if (f.phase().compareTo(Fault.Phase.PACING) < 0) {
                        throw new InvalidMember(where + ".type", "'" + f.type() + "' acts before a scenario is "
                                + "chosen (phase " + f.phase().label() + "); use 'error' for an error answer, or "
                                + "POST /__admin/faults");
                    }
                    applied.add(f);
                }
            }
            if (error != null) {
                String clash = content != null ? "content" : reasoning != null ? "reasoning"
                        : !toolCalls.isEmpty() ? "toolCalls" : finishReason != null ? "finishReason"
                        : usage != null ? "usage" : logprobs != null ? "logprobs" : timing != null ? "timing"
                        : faults != null ? "faults" : null;
                if (clash != null) {
                    throw new InvalidMember(at + "." + clash, "not with 'error': an error answers instead of a reply");
                }
                return new Answer(null, error.apiError(at + ".error"), List.of());
            }
            List<CannedReply.Call> calls = new ArrayList<>();
            for (int i = 0; i < toolCalls.size(); i++) {
                Call call = toolCalls.get(i);
                String where = at + ".toolCalls[" + i + "]";
                if (call == null) {
                    throw new InvalidMember(where, "must be an object with a 'name'");
                }
                if (call.name() == null || call.name().isEmpty()) {
                    throw new InvalidMember(where + ".name", "required: a non-empty string");
                }
                calls.add(new CannedReply.Call(call.name(), call.arguments()));
            }
            if (content == null && calls.isEmpty()) {
                throw new InvalidMember(at + ".content", "required (a string) unless 'toolCalls' lists a call "
                        + "or 'error' answers");
            }
            FinishReason finish = null;
            if (finishReason != null) {
                for (FinishReason f : FinishReason.values()) {
                    if (f.wire().equals(finishReason)) {
                        finish = f;
                    }
                }
                if (finish == null) {
                    throw new InvalidMember(at + ".finishReason", "must be one of stop, length, tool_calls, got '"
                            + finishReason + "'");
                }
            }
            CannedReply.ReportedUsage reported = usage == null ? null : usage.reported(at + ".usage");
            List<Double> scripted = logprobs == null ? null : logprobs(at + ".logprobs");
            TimingModel paced = timing == null ? null : timing.model(at + ".timing");
            return new Answer(new CannedReply(content, reasoning, calls, finish, reported, scripted), null, applied,
                    paced);
        }

        private List<Double> logprobs(String at) {
            if (content == null) {
                throw new InvalidMember(at, "only with 'content': the values are the content tokens' logprobs");
            }
            if (logprobs.isEmpty() || logprobs.size() > MAX_LOGPROBS) {
                throw new InvalidMember(at, "must list 1 to " + MAX_LOGPROBS + " numbers, got " + logprobs.size());
            }
            for (int i = 0; i < logprobs.size(); i++) {
                Double v = logprobs.get(i);
                if (v == null || !(v <= 0) || v.isInfinite()) {
                    throw new InvalidMember(at + "[" + i + "]", "must be a finite number <= 0, got " + v);
                }
            }
            return logprobs;
        }
    }

    /** A scripted function call; {@code arguments} (any JSON, default {@code {}}) is sent compactly serialised. */
    public record Call(String name, JsonNode arguments) implements AdminView {
        public Call {
            arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        }
    }

    /**
     * The delays of one answer instead of the server's timing model; a member left out is 0. The server's load
     * factor still applies, and a latency fault replaces these delays as it replaces the server's.
     */
    public record Timing(Integer firstTokenMs, Double promptTokenMs, Integer interTokenMs, Double jitterMs)
            implements AdminView {
        TimingModel model(String at) {
            int first = InvalidMember.inRange(at + ".firstTokenMs", firstTokenMs, 0, 0, MAX_FIRST_TOKEN_MS);
            int inter = InvalidMember.inRange(at + ".interTokenMs", interTokenMs, 0, 0, MAX_INTER_TOKEN_MS);
            return new TimingModel(first, milliseconds(at + ".promptTokenMs", promptTokenMs, MAX_PROMPT_TOKEN_MS),
                    inter, milliseconds(at + ".jitterMs", jitterMs, MAX_JITTER_MS), 1, 1);
        }

        private static double milliseconds(String at, Double value, double max) {
            if (value == null) {
                return 0;
            }
            if (!(value >= 0 && value <= max)) {
                throw new InvalidMember(at, "must be a number in [0, " + (long) max + "], got " + value);
            }
            return value;
        }
    }

    /** Token counts to report instead of the counted ones. */
    public record Usage(Integer promptTokens, Integer completionTokens) implements AdminView {
        CannedReply.ReportedUsage reported(String at) {
            if (promptTokens == null && completionTokens == null) {
                throw new InvalidMember(at + ".promptTokens", "give promptTokens and/or completionTokens");
            }
            if (promptTokens != null) {
                InvalidMember.inRange(at + ".promptTokens", promptTokens, 0, 0, MAX_TOKENS);
            }
            if (completionTokens != null) {
                InvalidMember.inRange(at + ".completionTokens", completionTokens, 0, 0, MAX_TOKENS);
            }
            return new CannedReply.ReportedUsage(promptTokens, completionTokens);
        }
    }

    /** An error answer, with the members of the {@code http_error} fault. */
    public record Error(Integer status, String message, Integer retryAfterSeconds) implements AdminView {
        ApiError apiError(String at) {
            try {
                Fault.HttpError fault = new Fault.HttpError(status, message == null ? "scripted error" : message,
                        retryAfterSeconds);
                return fault.beforeHeaders().orElseThrow();
            } catch (InvalidMember bad) {
                throw new InvalidMember(at + "." + bad.member(), bad.getMessage().substring(bad.member().length() + 2));
            }
        }
    }

    private static TextRule rule(String at, String equals, String contains, String regex, Boolean ignoreCase) {
        int given = (equals != null ? 1 : 0) + (contains != null ? 1 : 0) + (regex != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidMember(at, "give exactly one of equals, contains, regex (and optionally ignoreCase); "
                    + "got " + given);
        }
        boolean ic = Boolean.TRUE.equals(ignoreCase);
        if (regex != null) {
            return TextRule.matching(at + ".regex", regex, ic);
        }
        return equals != null ? TextRule.equalTo(equals, ic) : TextRule.containing(contains, ic);
    }

    private static Map<String, Object> members(String equals, String contains, String regex, Boolean ignoreCase,
                                               String role) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (role != null) {
            out.put("role", role);
        }
        if (equals != null) {
            out.put("equals", equals);
        }
        if (contains != null) {
            out.put("contains", contains);
        }
        if (regex != null) {
            out.put("regex", regex);
        }
        if (ignoreCase != null) {
            out.put("ignoreCase", ignoreCase);
        }
        return out;
    }
}
