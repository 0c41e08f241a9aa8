package io.friendlikit.mock.validation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule id the mock can answer in {@code violations[].rule}: the only place they are spelled. The section
 * "Mock rule ids" of {@code features/README.md} maps each one to the kit rules it implements, and a test keeps the
 * two in step.
 */
public enum RuleId {
    VAL_JSON("VAL-JSON", "the body is JSON (and sent as application/json)"),
    VAL_REQUIRED("VAL-REQUIRED", "required members are present"),
    VAL_TYPE("VAL-TYPE", "each member has its JSON type; the body is an object"),
    VAL_NULL("VAL-NULL", "null only where the field is nullable"),
    VAL_RANGE("VAL-RANGE", "numbers inside their range; integers fit 64 bits; a seed list is not empty"),
    VAL_ENUM("VAL-ENUM", "reasoning_effort is one of the global enum"),
    VAL_UNKNOWN_FIELD("VAL-UNKNOWN-FIELD", "strict mode: no member the API does not define"),
    VAL_MESSAGES("VAL-MESSAGES", "messages has at least one message"),
    VAL_LOGIT_BIAS("VAL-LOGIT-BIAS", "logit_bias keys are token ids"),
    MSG_ROLE("MSG-ROLE", "each message is an object with a known role"),
    MSG_CONTENT("MSG-CONTENT", "content of the shape the role allows"),
    MSG_ASSISTANT("MSG-ASSISTANT", "an assistant message has content or tool calls, each well formed"),
    MSG_TOOL_ID("MSG-TOOL-ID", "a tool message answers an earlier tool call"),
    TOOL_TYPE("TOOL-TYPE", "a tool is {type: function, function: {...}}"),
    TOOL_NAME("TOOL-NAME", "function names match ^[A-Za-z0-9_-]{1,64}$"),
    TOOL_PARAMS("TOOL-PARAMS", "function.parameters is a required object"),
    TOOL_COUNT("TOOL-COUNT", "at most 128 tools"),
    TOOL_DUPLICATE("TOOL-DUPLICATE", "function names are unique"),
    TOOLCHOICE_FORMAT("TOOLCHOICE-FORMAT", "tool_choice is none, auto, required or a named function"),
    TOOLCHOICE_UNDECLARED("TOOLCHOICE-UNDECLARED", "a named tool_choice is declared in tools"),
    TOOLCHOICE_NO_TOOLS("TOOLCHOICE-NO-TOOLS", "required or a named function needs tools"),
    RF_TYPE("RF-TYPE", "response_format.type is text, json_object, json_schema or regex"),
    RF_SCHEMA("RF-SCHEMA", "the schema member of json_schema / json_object"),
    RF_REGEX("RF-REGEX", "a regex format compiles and has no anchors, look-arounds or back-references"),
    X_MINTOKENS_TOOLS("X-MINTOKENS-TOOLS", "min_tokens > 0 excludes tools"),
    X_MINTOKENS_RF("X-MINTOKENS-RF", "min_tokens > 0 excludes response_format"),
    X_TOOLS_RF("X-TOOLS-RF", "tools exclude response_format"),
    X_STREAMOPTS("X-STREAMOPTS", "stream_options needs stream: true"),
    X_TOPLOGPROBS("X-TOPLOGPROBS", "top_logprobs needs logprobs: true"),
    X_SEED_N("X-SEED-N", "a seed list has n entries"),
    X_REASONING_EFFORT("X-REASONING-EFFORT", "reasoning_effort is one the model offers"),
    X_CONTEXT_LENGTH("X-CONTEXT-LENGTH", "prompt + max_tokens fit the model's context length"),
    MOCK_LIMIT("MOCK-LIMIT", "a limit of the mock, not of the API (generated tokens, streamed chunks)");

    private static final Map<String, RuleId> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    private final String id;
    private final String checks;

    RuleId(String id, String checks) {
        this.id = id;
        this.checks = checks;
    }

    /** As answered in {@code violations[].rule}, e.g. {@code VAL-RANGE}. */
    public String id() {
        return id;
    }

    /** What the rule checks, in a line. */
    public String checks() {
        return checks;
    }

    public static Optional<RuleId> of(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
