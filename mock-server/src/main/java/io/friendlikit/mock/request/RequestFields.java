package io.friendlikit.mock.request;

import io.friendlikit.mock.wire.ChatRequest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static io.friendlikit.mock.request.JsonKind.ARRAY;
import static io.friendlikit.mock.request.JsonKind.BOOLEAN;
import static io.friendlikit.mock.request.JsonKind.INTEGER;
import static io.friendlikit.mock.request.JsonKind.NUMBER;
import static io.friendlikit.mock.request.JsonKind.OBJECT;
import static io.friendlikit.mock.request.JsonKind.STRING;

/**
 * The top-level fields of a chat completions request, one row each, in the order of the API's field table
 * (docs/api-notes.md §3.1), then the legacy field. The validator checks every row, the binder binds every row,
 * the README's "Request fields" table and {@code features/request-validation.feature} are tested against it: a
 * new API field is one row here (plus its nested checks in the validator, if it has members).
 */
public final class RequestFields {

    /** The global {@code reasoning_effort} enum (docs/api-notes.md §3.1, 2026-07-10). */
    public static final List<String> REASONING_EFFORTS =
            List.of("minimal", "low", "medium", "high", "xhigh", "max", "ultracode");

    private static final Range PENALTY = Range.closed("-2", "2");
    private static final Range UNIT = Range.closed("0", "1");
    private static final Range NON_NEGATIVE = Range.atLeast("0");
    private static final Range TOP_LOGPROBS = Range.closed("0", String.valueOf(ChatRequest.MAX_TOP_LOGPROBS));

    /** The rows, in the API's order; names are unique. */
    public static final List<RequestField> ALL = List.of(
            new RequestField("model", List.of(STRING), STRING.phrase(), Presence.REQUIRED_UNLESS_CONTAINER, null,
                    List.of(), "a catalogue model, or a dedicated endpoint id", "—",
                    (v, b, m) -> b.model(Bindings.text(v))),
            new RequestField("messages", List.of(ARRAY), ARRAY.phrase(), Presence.REQUIRED, null, List.of(),
                    "non-empty; roles system, user, assistant, tool", "—",
                    (v, b, m) -> b.messages(Bindings.messages(v))),
            structured("chat_template_kwargs", OBJECT, "", "{}",
                    (v, b, m) -> b.chatTemplateKwargs(Bindings.kwargs(v, m))),
            structured("eos_token", ARRAY, "token ids >= 0", "[]", (v, b, m) -> b.eosToken(Bindings.longs(v))),
            number("frequency_penalty", PENALTY, 0.0, ChatRequest.Builder::frequencyPenalty),
            structured("logit_bias", OBJECT, "token id to a number in [-100, 100]", "{}",
                    (v, b, m) -> b.logitBias(Bindings.logitBias(v))),
            bool("logprobs", false, ChatRequest.Builder::logprobs),
            optionalInteger("max_tokens", Range.atLeast("1"), "", "model limit", ChatRequest.Builder::maxTokens),
            number("min_p", UNIT, 0.0, ChatRequest.Builder::minP),
            clampedInteger("n", Range.closed("1", String.valueOf(ChatRequest.MAX_N)), 1, ChatRequest.Builder::n),
            bool("parallel_tool_calls", true, ChatRequest.Builder::parallelToolCalls),
            number("presence_penalty", PENALTY, 0.0, ChatRequest.Builder::presencePenalty),
            number("repetition_penalty", Range.greaterThan("0"), 1.0, ChatRequest.Builder::repetitionPenalty),
            new RequestField("reasoning_effort", List.of(STRING), STRING.phrase(), Presence.OPTIONAL, null,
                    REASONING_EFFORTS, "and offered by the model", "model default",
                    (v, b, m) -> b.reasoningEffort(Bindings.text(v))),
            optionalInteger("reasoning_budget", Range.atLeast("-1"), "", "none",
                    ChatRequest.Builder::reasoningBudget),
            new RequestField("seed", List.of(INTEGER, ARRAY), "an integer or an array of integers",
                    Presence.OPTIONAL, NON_NEGATIVE, List.of(), "a list has n seeds", "server sequence",
                    (v, b, m) -> b.seeds(Bindings.seeds(v))),
            new RequestField("stop", List.of(ARRAY), "an array of strings", Presence.OPTIONAL, null, List.of(),
                    "strings", "[]", (v, b, m) -> b.stop(Bindings.strings(v))),
            bool("stream", false, ChatRequest.Builder::stream),
            structured("stream_options", OBJECT, "include_usage; needs stream", "none",
                    (v, b, m) -> b.includeUsage(Bindings.includeUsage(v))),
            new RequestField("parse_reasoning", List.of(BOOLEAN), BOOLEAN.phrase(), Presence.OPTIONAL, null,
                    List.of(), "", "endpoint default", (v, b, m) -> b.parseReasoning(v == null ? null : v.asBoolean())),
            bool("include_reasoning", true, ChatRequest.Builder::includeReasoning),
            number("temperature", NON_NEGATIVE, 1.0, ChatRequest.Builder::temperature),
            new RequestField("tool_choice", List.of(STRING, OBJECT), "a string or an object",
                    Presence.OPTIONAL_NOT_NULL, null, List.of(), "none, auto, required or a named function",
                    "auto", (v, b, m) -> b.toolChoice(Bindings.toolChoice(v))),
            clampedInteger("top_k", NON_NEGATIVE, 0, ChatRequest.Builder::topK),
            new RequestField("top_logprobs", List.of(INTEGER), INTEGER.phrase(), Presence.OPTIONAL, TOP_LOGPROBS,
                    List.of(), "needs logprobs", "none",
                    clampedBinding(TOP_LOGPROBS, null, ChatRequest.Builder::topLogprobs)),
            number("top_p", Range.openClosed("0", "1"), 1.0, ChatRequest.Builder::topP),
            number("xtc_threshold", UNIT, 0.0, RequestFields::notBound),
            number("xtc_probability", UNIT, 0.0, RequestFields::notBound),
            structured("tools", ARRAY, "at most 128 functions", "[]", (v, b, m) -> b.tools(Bindings.tools(v))),
            clampedInteger("min_tokens", NON_NEGATIVE, 0, ChatRequest.Builder::minTokens),
            structured("response_format", OBJECT, "text, json_object, json_schema or regex", "text",
                    (v, b, m) -> b.responseFormat(Bindings.responseFormat(v))),
            // legacy (docs/api-notes.md §3.1, "Removed / legacy fields"): accepted; read by the exchange, which
            // answers 429 when the paced answer would take longer
            optionalInteger("timeout_microseconds", Range.atLeast("1"), "legacy", "none", RequestFields::notBound));

    private static final Map<String, RequestField> BY_NAME = index();

    private RequestFields() {
    }

    /** The row of a top-level member, if it is one. */
    public static Optional<RequestField> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The names of all rows, in table order. */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    private static RequestField number(String name, Range range, double dflt,
                                       BiConsumer<ChatRequest.Builder, Double> set) {
        return new RequestField(name, List.of(NUMBER), NUMBER.phrase(), Presence.OPTIONAL, range, List.of(), "",
                shown(dflt), (v, b, m) -> set.accept(b, Bindings.number(v, dflt)));
    }

    private static RequestField bool(String name, boolean dflt, BiConsumer<ChatRequest.Builder, Boolean> set) {
        return new RequestField(name, List.of(BOOLEAN), BOOLEAN.phrase(), Presence.OPTIONAL, null, List.of(), "",
                String.valueOf(dflt), (v, b, m) -> set.accept(b, Bindings.bool(v, dflt)));
    }

    /** An integer with a default, kept inside its range by the binder even when validation is off. */
    private static RequestField clampedInteger(String name, Range range, int dflt,
                                               BiConsumer<ChatRequest.Builder, Integer> set) {
        return new RequestField(name, List.of(INTEGER), INTEGER.phrase(), Presence.OPTIONAL, range, List.of(), "",
                String.valueOf(dflt), clampedBinding(range, dflt, set));
    }

    /** An integer whose absence is null (the generator decides), bound as sent. */
    private static RequestField optionalInteger(String name, Range range, String note, String dflt,
                                                BiConsumer<ChatRequest.Builder, Integer> set) {
        return new RequestField(name, List.of(INTEGER), INTEGER.phrase(), Presence.OPTIONAL, range, List.of(), note,
                dflt, (v, b, m) -> set.accept(b, Bindings.integer(v)));
    }

    /** An object or array whose members the validator checks; bound by a converter. */
    private static RequestField structured(String name, JsonKind kind, String note, String dflt,
                                           RequestField.Binding binding) {
        return new RequestField(name, List.of(kind), kind.phrase(), Presence.OPTIONAL, null, List.of(), note, dflt,
                binding);
    }

    /** Binds the member clamped to the range; {@code dflt} (may be null) when absent. */
    private static RequestField.Binding clampedBinding(Range range, Integer dflt,
                                                       BiConsumer<ChatRequest.Builder, Integer> set) {
        return (v, b, m) -> {
            Integer value = Bindings.integer(v);
            set.accept(b, value == null ? dflt : Bindings.clamp(value, range));
        };
    }

    /** Validated, not on the request: the sampler has no use for xtc_*; the exchange reads timeout_microseconds. */
    private static <T> void notBound(ChatRequest.Builder request, T value) {
    }

    private static String shown(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Map<String, RequestField> index() {
        Map<String, RequestField> byName = new LinkedHashMap<>();
        for (RequestField field : ALL) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalStateException("two rows for " + field.name());
            }
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
