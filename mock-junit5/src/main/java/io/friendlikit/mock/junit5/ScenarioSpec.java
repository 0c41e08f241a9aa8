package io.friendlikit.mock.junit5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted answer as {@code POST /__admin/scenarios} takes it (mock-server/ADMIN-API.md, "Scenarios"): which
 * requests it answers (the matchers, every one given must hold; none: every request), the answer (a
 * {@link #reply reply}, or a {@link #sequence sequence} of answers), optionally a name, a priority and a number of
 * {@code times}. Immutable; every method returns a new spec. The mock checks the whole spec when it is added and
 * answers 400 naming the member that is wrong, so a bad regular expression fails in {@link AdminClient#addScenario}.
 *
 * <pre>{@code
 * ScenarioSpec.reply("It is sunny.").whenContains("weather").times(1)
 * ScenarioSpec.toolCall("get_weather", Map.of("city", "Paris")).forModel("meta-llama-3.1-8b-instruct")
 * ScenarioSpec.sequence(Answer.toolCall("get_weather", Map.of("city", "Paris")), Answer.text("It is sunny."))
 *         .whenTools(true)
 * ScenarioSpec.error(429, "slow down", 1).whenHeader("x-test-run", Text.matching("^run-")).times(1)
 * }</pre>
 */
public final class ScenarioSpec {

    /** One tool call of the reply; the mock generates its id. */
    public record ToolCall(String name, Map<String, ?> arguments) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            arguments = Map.copyOf(arguments);
        }
    }

    /**
     * A test on text: exactly one of {@code equals}, {@code contains} and {@code regex} (RE2 syntax: no look-around,
     * no back-references), optionally ignoring case. {@code Text.matching("^zai-org/").ignoringCase()}.
     */
    public record Text(String equals, String contains, String regex, boolean ignoreCase) {
        public Text {
            int given = (equals != null ? 1 : 0) + (contains != null ? 1 : 0) + (regex != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalArgumentException("a text test takes exactly one of equals, contains, regex; got "
                        + given);
            }
        }

        /** The whole text is exactly this. */
        public static Text equalTo(String text) {
            return new Text(Objects.requireNonNull(text, "text"), null, null, false);
        }

        /** The text contains this. */
        public static Text containing(String text) {
            return new Text(null, Objects.requireNonNull(text, "text"), null, false);
        }

        /** Some part of the text matches this regular expression (RE2 syntax; anchor it with ^ and $ for all). */
        public static Text matching(String regex) {
            return new Text(null, null, Objects.requireNonNull(regex, "regex"), false);
        }

        /** The same test, ignoring upper and lower case. */
        public Text ignoringCase() {
            return new Text(equals, contains, regex, true);
        }

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (equals != null) {
                out.put("equals", equals);
            }
            if (contains != null) {
                out.put("contains", contains);
            }
            if (regex != null) {
                out.put("regex", regex);
            }
            if (ignoreCase) {
                out.put("ignoreCase", true);
            }
            return out;
        }
    }

    /** The role of a message, for {@link #whenMessage(Role, Text)}. */
    public enum Role {
        SYSTEM, USER, ASSISTANT, TOOL;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The route family a request came in on, for {@link #onRoute(Route)}. */
    public enum Route {
        /** {@code /serverless/v1/chat/completions}. */
        SERVERLESS,
        /** {@code /dedicated/v1/chat/completions}. */
        DEDICATED,
        /** {@code /v1/chat/completions}, the Friendli Container flavour. */
        CONTAINER;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The finish reason an answer reports instead of the computed one, for {@link Answer#finishReason}. */
    public enum FinishReason {
        STOP("stop"), LENGTH("length"), TOOL_CALLS("tool_calls");

        private final String wire;

        FinishReason(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }
    }

    /**
     * One answer of a scenario: text and/or tool calls, with optional reasoning, finish reason, reported usage and
     * faults for this answer alone; or an error instead of all of that. Immutable; every method returns a new answer.
     * The answer goes through the mock's normal pipeline, so streaming, {@code n}, {@code max_tokens} and logprobs
     * behave as for generated text.
     */
    public static final class Answer {

        private final Map<String, Object> members;
        private final List<ToolCall> toolCalls;

        private Answer(Map<String, Object> members, List<ToolCall> toolCalls) {
            this.members = Collections.unmodifiableMap(members);
            this.toolCalls = List.copyOf(toolCalls);
        }

        /** Answers with this text content. */
        public static Answer text(String content) {
            return new Answer(Map.of("content", Objects.requireNonNull(content, "content")), List.of());
        }

        /** Answers with a call of this function (finish_reason {@code tool_calls}). */
        public static Answer toolCall(String name, Map<String, ?> arguments) {
            return new Answer(Map.of(), List.of(new ToolCall(name, arguments)));
        }

        /**
         * Answers with the error envelope instead (the members and ranges of the {@code http_error} fault).
         *
         * @param status            400–599
         * @param message           the error's message
         * @param retryAfterSeconds sent as {@code Retry-After}; null: none
         */
        public static Answer error(int status, String message, Integer retryAfterSeconds) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", status);
            error.put("message", Objects.requireNonNull(message, "message"));
            if (retryAfterSeconds != null) {
                error.put("retryAfterSeconds", retryAfterSeconds);
            }
            return new Answer(Map.of("error", error), List.of());
        }

        /** One more tool call in the same answer. */
        public Answer andToolCall(String name, Map<String, ?> arguments) {
            refuseOnError("toolCalls");
            List<ToolCall> calls = new ArrayList<>(toolCalls);
            calls.add(new ToolCall(name, arguments));
            return new Answer(members, calls);
        }

        /** {@code reasoning_content} ahead of the text (counted as completion tokens, as generated reasoning is). */
        public Answer reasoning(String reasoning) {
            return with("reasoning", Objects.requireNonNull(reasoning, "reasoning"));
        }

        /** Reports this finish reason instead of the computed one (except {@code length} when max_tokens cut it). */
        public Answer finishReason(FinishReason reason) {
            return with("finishReason", reason.wire());
        }

        /**
         * Reports these token counts instead of the counted ones (plain answer and usage chunk alike);
         * {@code total_tokens} is their sum. Each in [0, 100000000]; null keeps the counted one (not both null).
         */
        public Answer usage(Integer promptTokens, Integer completionTokens) {
            Map<String, Object> usage = new LinkedHashMap<>();
            if (promptTokens != null) {
                usage.put("promptTokens", promptTokens);
            }
            if (completionTokens != null) {
                usage.put("completionTokens", completionTokens);
            }
            return with("usage", usage);
        }

        /**
         * The log-probabilities of the content tokens, in order (each finite and at most 0; the last repeats for
         * the tokens after it). They show only when the request asks for {@code logprobs}; the alternatives in
         * {@code top_logprobs} are built around them.
         */
        public Answer logprobs(double... values) {
            List<Double> list = new ArrayList<>();
            for (double v : values) {
                list.add(v);
            }
            return with("logprobs", List.copyOf(list));
        }

        /**
         * This answer's own timing instead of the server's: the delay before the first token (and before a plain
         * answer) and between streamed tokens, in milliseconds (the server's load factor still applies).
         */
        public Answer timing(long firstTokenMs, long interTokenMs) {
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("firstTokenMs", firstTokenMs);
            timing.put("interTokenMs", interTokenMs);
            return with("timing", timing);
        }

        /**
         * A fault acting on this answer only, after any faults added globally: {@code latency},
         * {@code wrong_usage_total}, {@code missing_role}, {@code mixed_ids}, {@code malformed_chunk},
         * {@code drop_done}, {@code data_after_done}, {@code stream_error} or {@code disconnect} (the mock refuses the
         * faults that act before a scenario is chosen). A fault with {@code times} is refused here: it applies to each
         * use of this answer.
         */
        public Answer fault(FaultSpec fault) {
            if (fault.times() != null) {
                throw new IllegalArgumentException("a scenario's fault applies to each use of its answer; drop "
                        + "times(" + fault.times() + ") from " + fault);
            }
            @SuppressWarnings("unchecked")
            List<Object> faults = new ArrayList<>((List<Object>) members.getOrDefault("faults", List.of()));
            faults.add(fault.body());
            return with("faults", List.copyOf(faults));
        }

        private Answer with(String member, Object value) {
            refuseOnError(member);
            Map<String, Object> next = new LinkedHashMap<>(members);
            next.put(member, value);
            return new Answer(next, toolCalls);
        }

        private void refuseOnError(String member) {
            if (members.containsKey("error")) {
                throw new IllegalStateException("an error answer stands alone; '" + member + "' cannot go beside it");
            }
        }

        Map<String, Object> body() {
            Map<String, Object> out = new LinkedHashMap<>(members);
            if (!toolCalls.isEmpty()) {
                List<Map<String, Object>> calls = new ArrayList<>();
                for (ToolCall c : toolCalls) {
                    calls.add(Map.of("name", c.name(), "arguments", c.arguments()));
                }
                out.put("toolCalls", calls);
            }
            return out;
        }

        @Override
        public String toString() {
            return body().toString();
        }
    }

    private final String name;
    private final Integer priority;
    private final Map<String, Object> match;
    private final List<Answer> answers;
    private final boolean sequence;
    private final Integer times;

    private ScenarioSpec(String name, Integer priority, Map<String, Object> match, List<Answer> answers,
                         boolean sequence, Integer times) {
        this.name = name;
        this.priority = priority;
        this.match = Collections.unmodifiableMap(match);
        this.answers = List.copyOf(answers);
        this.sequence = sequence;
        this.times = times;
    }

    // ---- answers ----

    /** Answers with this text content. */
    public static ScenarioSpec reply(String content) {
        return reply(Answer.text(content));
    }

    /** Answers with a call of this function (finish_reason {@code tool_calls}). */
    public static ScenarioSpec toolCall(String name, Map<String, ?> arguments) {
        return reply(Answer.toolCall(name, arguments));
    }

    /** Answers every match with this answer. */
    public static ScenarioSpec reply(Answer answer) {
        return new ScenarioSpec(null, null, Map.of(), List.of(Objects.requireNonNull(answer, "answer")), false, null);
    }

    /** Answers with the error envelope, e.g. {@code error(429, "slow down", 1)}; see {@link Answer#error}. */
    public static ScenarioSpec error(int status, String message, Integer retryAfterSeconds) {
        return reply(Answer.error(status, message, retryAfterSeconds));
    }

    /**
     * Answers its first match with {@code first}, the second with the next answer, …; the last answers every later
     * match (at most 1000 answers).
     */
    public static ScenarioSpec sequence(Answer first, Answer... more) {
        List<Answer> all = new ArrayList<>();
        all.add(Objects.requireNonNull(first, "first"));
        all.addAll(Arrays.asList(more));
        return new ScenarioSpec(null, null, Map.of(), all, true, null);
    }

    /** One more tool call in the same answer (a single reply only). */
    public ScenarioSpec andToolCall(String name, Map<String, ?> arguments) {
        if (sequence) {
            throw new IllegalStateException("a sequence has several answers; add the call to its Answer");
        }
        return new ScenarioSpec(this.name, priority, match, List.of(answers.get(0).andToolCall(name, arguments)),
                false, times);
    }

    // ---- which scenario, how often ----

    /** A label the mock shows in lists and logs. */
    public ScenarioSpec named(String label) {
        return new ScenarioSpec(Objects.requireNonNull(label, "label"), priority, match, answers, sequence, times);
    }

    /** Of several matching scenarios the highest priority answers (in [-1000000, 1000000]; default 0). */
    public ScenarioSpec priority(int value) {
        return new ScenarioSpec(name, value, match, answers, sequence, times);
    }

    /** For the next {@code n} matching requests only. */
    public ScenarioSpec times(int n) {
        return new ScenarioSpec(name, priority, match, answers, sequence, n);
    }

    // ---- matchers: the request ----

    /** Only when the last user message contains this text (case-insensitive). */
    public ScenarioSpec whenContains(String text) {
        return matching("contains", Objects.requireNonNull(text, "text"));
    }

    /** Only for requests naming exactly this model. */
    public ScenarioSpec forModel(String modelId) {
        return forModel(Text.equalTo(modelId));
    }

    /**
     * Only for requests whose {@code model} passes this test, e.g. {@code Text.matching("^zai-org/")}; a container
     * request without a model never matches.
     */
    public ScenarioSpec forModel(Text test) {
        return matching("model", test.json());
    }

    /** Only for requests that came in on this route family. */
    public ScenarioSpec onRoute(Route route) {
        return matching("route", route.wire());
    }

    /** Only for requests whose path passes this test, e.g. {@code Text.containing("/dedicated/")}. */
    public ScenarioSpec whenPath(Text test) {
        return matching("path", test.json());
    }

    /** Only when this header (case-insensitive name) is present with exactly this value. */
    public ScenarioSpec whenHeader(String header, String value) {
        return whenHeader(header, Text.equalTo(value));
    }

    /** Only when this header (case-insensitive name) is present and its value passes the test. */
    public ScenarioSpec whenHeader(String header, Text test) {
        return matchingEntry("headers", Objects.requireNonNull(header, "header"), test.json());
    }

    // ---- matchers: the conversation ----

    /** Only when the text of the last {@code user} message passes this test. */
    public ScenarioSpec whenLastUserMessage(Text test) {
        return matching("lastUserMessage", test.json());
    }

    /** Only when some {@code system} message passes this test. */
    public ScenarioSpec whenSystemMessage(Text test) {
        return matching("systemMessage", test.json());
    }

    /** Only when some message of this role passes this test (repeatable: each must hold). */
    public ScenarioSpec whenMessage(Role role, Text test) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("role", role.wire());
        item.putAll(test.json());
        return matchingItem("messages", item);
    }

    /** Only when some message, of any role, passes this test (repeatable: each must hold). */
    public ScenarioSpec whenAnyMessage(Text test) {
        return matchingItem("messages", test.json());
    }

    /** Only when the request declares tools ({@code true}) or none ({@code false}). */
    public ScenarioSpec whenTools(boolean declared) {
        return matching("tools", declared);
    }

    /** Only when the conversation holds a {@code tool} message ({@code true}) or none ({@code false}). */
    public ScenarioSpec whenToolResult(boolean present) {
        return matching("toolResult", present);
    }

    /** Only when some {@code tool} message answers a call whose id passes this test. */
    public ScenarioSpec whenToolCallId(Text test) {
        return matching("toolCallId", test.json());
    }

    /** Only when the conversation holds exactly this many {@code user} messages (1 for the first question). */
    public ScenarioSpec whenTurn(int userMessages) {
        return matching("turn", userMessages);
    }

    /** Only when the request asks for a stream ({@code true}) or not ({@code false}). */
    public ScenarioSpec whenStream(boolean streamed) {
        return matching("stream", streamed);
    }

    // ---- matchers: JSON Pointers into the body ----

    /**
     * Only when the value at this JSON Pointer (RFC 6901, e.g. {@code /temperature}, {@code /messages/0/role}) of
     * the request body equals {@code value} as JSON (a number, string, boolean, list or map).
     */
    public ScenarioSpec whenBody(String pointer, Object value) {
        return pointer(pointer, "equals", Objects.requireNonNull(value, "value (to test for absence, use whenBodyLacks)"));
    }

    /** Only when the value at this JSON Pointer is a string matching the regex (another value: its JSON text). */
    public ScenarioSpec whenBodyMatches(String pointer, String regex) {
        return pointer(pointer, "regex", Objects.requireNonNull(regex, "regex"));
    }

    /** Only when the request body has a value at this JSON Pointer. */
    public ScenarioSpec whenBodyHas(String pointer) {
        return pointer(pointer, "exists", true);
    }

    /** Only when the request body has no value at this JSON Pointer. */
    public ScenarioSpec whenBodyLacks(String pointer) {
        return pointer(pointer, "exists", false);
    }

    private ScenarioSpec pointer(String pointer, String test, Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("pointer", Objects.requireNonNull(pointer, "pointer"));
        item.put(test, value);
        return matchingItem("body", item);
    }

    private ScenarioSpec matching(String member, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(match);
        next.put(member, value);
        return new ScenarioSpec(name, priority, next, answers, sequence, times);
    }

    @SuppressWarnings("unchecked")
    private ScenarioSpec matchingEntry(String member, String key, Object value) {
        Map<String, Object> entries = new LinkedHashMap<>((Map<String, Object>) match.getOrDefault(member, Map.of()));
        entries.put(key, value);
        return matching(member, Collections.unmodifiableMap(entries));
    }

    @SuppressWarnings("unchecked")
    private ScenarioSpec matchingItem(String member, Object item) {
        List<Object> items = new ArrayList<>((List<Object>) match.getOrDefault(member, List.of()));
        items.add(item);
        return matching(member, List.copyOf(items));
    }

    /** The admin body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (priority != null) {
            body.put("priority", priority);
        }
        body.put("match", match);
        if (sequence) {
            body.put("sequence", answers.stream().map(Answer::body).toList());
        } else {
            body.put("reply", answers.get(0).body());
        }
        if (times != null) {
            body.put("times", times);
        }
        return body;
    }

    @Override
    public String toString() {
        return body().toString();
    }
}
