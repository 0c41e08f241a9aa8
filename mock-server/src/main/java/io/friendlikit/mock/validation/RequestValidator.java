package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.validation.FieldRule.Presence;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static io.friendlikit.mock.validation.FieldRule.field;
import static io.friendlikit.mock.validation.FieldRule.optional;
import static io.friendlikit.mock.validation.JsonKind.ARRAY;
import static io.friendlikit.mock.validation.JsonKind.BOOLEAN;
import static io.friendlikit.mock.validation.JsonKind.INTEGER;
import static io.friendlikit.mock.validation.JsonKind.NUMBER;
import static io.friendlikit.mock.validation.JsonKind.OBJECT;
import static io.friendlikit.mock.validation.JsonKind.STRING;

/**
 * Validates a chat-completions request body as a JSON tree, before it is bound to records
 * (DESIGN.md principle 2). Returns every violation found, at most {@value #MAX_VIOLATIONS}, in a stable
 * order: missing required fields, then the body's members in the body's order (each one walked depth
 * first), then the cross-field rules in the order of the table below. Never throws for any {@link JsonNode}.
 *
 * <p>Rule ids ({@link Violation#rule()}) and where they come from in {@code spec/chat-completions.md}:
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>Rule id</th><th>Spec</th><th>What is checked</th></tr>
 * <tr><td>VAL-REQUIRED</td><td>§3, §3.1</td><td>{@code model} (not on the container route) and
 *     {@code messages} are present; required members of nested objects are present</td></tr>
 * <tr><td>VAL-TYPE</td><td>§3.1</td><td>each field has its JSON type; integers are integral
 *     ({@code 2.0} is accepted, {@code 1.5} is not); booleans are JSON booleans</td></tr>
 * <tr><td>VAL-NULL</td><td>§3</td><td>{@code null} is accepted for every optional field except
 *     {@code tool_choice}; never for {@code model} (except container) and {@code messages}</td></tr>
 * <tr><td>VAL-RANGE</td><td>§3.1, §13 q9</td><td>{@code top_p} (0, 1]; {@code frequency_penalty},
 *     {@code presence_penalty} [-2, 2]; {@code min_p}, {@code xtc_threshold}, {@code xtc_probability} [0, 1];
 *     {@code top_k} &gt;= 0; {@code repetition_penalty} &gt; 0; {@code temperature} &gt;= 0; {@code n} in [1, 128] (cap guessed, as OpenAI's);
 *     {@code max_tokens} &gt;= 1; {@code min_tokens} &gt;= 0; {@code top_logprobs} [0, 20]; {@code seed} and
 *     {@code eos_token} items &gt;= 0, a seed list non-empty; {@code reasoning_budget} &gt;= -1;
 *     {@code timeout_microseconds} &gt;= 1 (legacy, §3.1 table 2); integers fit 64 bits</td></tr>
 * <tr><td>VAL-ENUM</td><td>§3.1, §4.3</td><td>{@code reasoning_effort} is one of minimal, low, medium,
 *     high, xhigh, max, ultracode ({@code invalid JSON payload: unknown enum value: '<value>'})</td></tr>
 * <tr><td>X-REASONING-EFFORT</td><td>§4.1 rule 9, §4.3</td><td>{@code reasoning_effort} is accepted by the
 *     requested model ({@link io.friendlikit.mock.catalog.ModelInfo#reasoningEfforts()}); same wording</td></tr>
 * <tr><td>VAL-UNKNOWN-FIELD</td><td>§4.3, §13 q4, q13</td><td>strict mode: members not in the spec, at the top
 *     level and inside messages, content parts, tool calls, tools, tool_choice, stream_options and
 *     response_format ({@code no such field: '<name>'}); the legacy {@code timeout_microseconds} is known.
 *     With {@code tolerateOpenAiSchemaMembers}, {@code json_schema.name/description/strict} and
 *     {@code tools[].function.strict} are accepted</td></tr>
 * <tr><td>VAL-LOGIT-BIAS</td><td>§3.1, §13 q9</td><td>{@code logit_bias} keys are token ids (decimal digits,
 *     at most 2147483647); values are numbers in [-100, 100] (VAL-RANGE)</td></tr>
 * <tr><td>VAL-MESSAGES</td><td>§3.1 (minimum not documented)</td><td>{@code messages} has at least one
 *     message</td></tr>
 * <tr><td>MSG-ROLE</td><td>§5</td><td>each message is an object whose {@code role} is system, user,
 *     assistant or tool</td></tr>
 * <tr><td>MSG-CONTENT</td><td>§5.1, §5.2, §5.4</td><td>system and tool content: string; user content: string
 *     or non-empty array of text / image_url / audio_url / video_url parts with their required member</td></tr>
 * <tr><td>MSG-ASSISTANT</td><td>§4.1 rule 10, §5.3</td><td>assistant content is a string or null and is
 *     given (non-null) unless {@code tool_calls} is non-empty; each tool call has string {@code id},
 *     {@code type} "function", string {@code function.name} and {@code function.arguments}</td></tr>
 * <tr><td>MSG-TOOL-ID</td><td>§5.4, §4.2</td><td>a tool message has a string {@code tool_call_id} that
 *     matches a {@code tool_calls[].id} of an earlier assistant message</td></tr>
 * <tr><td>TOOL-TYPE</td><td>§6</td><td>each tool is {@code {"type":"function","function":{...}}}</td></tr>
 * <tr><td>TOOL-NAME</td><td>§4.1 rule 11, §6</td><td>{@code function.name} matches
 *     {@code ^[A-Za-z0-9_-]{1,64}$}</td></tr>
 * <tr><td>TOOL-PARAMS</td><td>§6</td><td>{@code function.parameters} is a required object</td></tr>
 * <tr><td>TOOL-COUNT</td><td>§4.1 rule 14</td><td>at most 128 tools</td></tr>
 * <tr><td>TOOL-DUPLICATE</td><td>§6 [guess]</td><td>function names are unique</td></tr>
 * <tr><td>TOOLCHOICE-FORMAT</td><td>§6</td><td>{@code tool_choice} is none / auto / required or
 *     {@code {"type":"function","function":{"name":"X"}}} with a valid name</td></tr>
 * <tr><td>TOOLCHOICE-UNDECLARED</td><td>§4.2</td><td>a named function is declared in {@code tools}</td></tr>
 * <tr><td>TOOLCHOICE-NO-TOOLS</td><td>§4.2</td><td>"required" or a named function needs non-empty
 *     {@code tools}</td></tr>
 * <tr><td>RF-TYPE</td><td>§7</td><td>{@code response_format.type} is text, json_object, json_schema or
 *     regex</td></tr>
 * <tr><td>RF-SCHEMA</td><td>§7</td><td>json_schema: {@code json_schema} object with object {@code schema};
 *     json_object: optional legacy string {@code schema}</td></tr>
 * <tr><td>RF-REGEX</td><td>§7, §4.1 rule 12</td><td>regex: string {@code schema} that compiles and uses no
 *     anchors ({@code ^ $ \A \z \Z \G \b \B}), look-arounds, {@code \N \p \P} or back-references</td></tr>
 * <tr><td>X-MINTOKENS-TOOLS</td><td>§4.1 rule 1</td><td>{@code min_tokens} &gt; 0 with non-empty
 *     {@code tools}</td></tr>
 * <tr><td>X-MINTOKENS-RF</td><td>§4.1 rule 2</td><td>{@code min_tokens} &gt; 0 with a non-null
 *     {@code response_format} (any type)</td></tr>
 * <tr><td>X-TOOLS-RF</td><td>§4.1 rules 1, 2</td><td>non-empty {@code tools} with a non-null
 *     {@code response_format}</td></tr>
 * <tr><td>X-STREAMOPTS</td><td>§4.1 rule 3</td><td>non-null {@code stream_options} needs
 *     {@code stream: true}</td></tr>
 * <tr><td>X-TOPLOGPROBS</td><td>§4.1 rule 4</td><td>non-null {@code top_logprobs} needs
 *     {@code logprobs: true}</td></tr>
 * <tr><td>X-SEED-N</td><td>§4.1 rule 7</td><td>a seed list has exactly {@code n} entries ({@code n} defaults
 *     to 1)</td></tr>
 * </table>
 *
 * <p>Codes ({@link Violation#code()}): missing member {@code missing_field}, wrong type
 * {@code invalid_type}, forbidden null {@code null_not_allowed}, range {@code out_of_range}, enum
 * {@code unknown_enum}, unknown member {@code unknown_field}, cross-field {@code conflicting_fields}, other
 * value rules (pattern, empty list, duplicate, undeclared, regex) {@code invalid_value}.
 */
public final class RequestValidator {

    /** The global {@code reasoning_effort} enum of spec §3.1 (2026-07-10). */
    public static final List<String> REASONING_EFFORTS =
            List.of("minimal", "low", "medium", "high", "xhigh", "max", "ultracode");

    /** At most this many violations are returned. */
    public static final int MAX_VIOLATIONS = Walk.MAX_VIOLATIONS;

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9]{1,10}");
    private static final int MAX_ENUM_VALUE_SHOWN = 200;

    /** Spec §3.1, one row per field, in the order of the spec's table; then the legacy field. */
    static final List<FieldRule> FIELDS = List.of(
            field("model", STRING, Presence.REQUIRED_UNLESS_CONTAINER, FieldRule.ValueCheck.NONE),
            field("messages", ARRAY, Presence.REQUIRED, MessageRules::checkMessages),
            optional("chat_template_kwargs", OBJECT),
            field("eos_token", ARRAY, Presence.OPTIONAL, RequestValidator::checkEosToken),
            optional("frequency_penalty", NUMBER, Range.closed("-2", "2")),
            field("logit_bias", OBJECT, Presence.OPTIONAL, RequestValidator::checkLogitBias),
            optional("logprobs", BOOLEAN),
            optional("max_tokens", INTEGER, Range.atLeast("1")),
            optional("min_p", NUMBER, Range.closed("0", "1")),
            optional("n", INTEGER, Range.closed("1", String.valueOf(ChatRequest.MAX_N))),
            optional("parallel_tool_calls", BOOLEAN),
            optional("presence_penalty", NUMBER, Range.closed("-2", "2")),
            optional("repetition_penalty", NUMBER, Range.greaterThan("0")),
            field("reasoning_effort", STRING, Presence.OPTIONAL, RequestValidator::checkReasoningEffort),
            optional("reasoning_budget", INTEGER, Range.atLeast("-1")),
            new FieldRule("seed", List.of(INTEGER, ARRAY), "an integer or an array of integers", Presence.OPTIONAL,
                    RequestValidator::checkSeed),
            new FieldRule("stop", List.of(ARRAY), "an array of strings", Presence.OPTIONAL,
                    RequestValidator::checkStop),
            optional("stream", BOOLEAN),
            field("stream_options", OBJECT, Presence.OPTIONAL, RequestValidator::checkStreamOptions),
            optional("parse_reasoning", BOOLEAN),
            optional("include_reasoning", BOOLEAN),
            optional("temperature", NUMBER, Range.atLeast("0")),
            new FieldRule("tool_choice", List.of(STRING, OBJECT), "a string or an object",
                    Presence.OPTIONAL_NOT_NULL, ToolRules::checkToolChoice),
            optional("top_k", INTEGER, Range.atLeast("0")),
            optional("top_logprobs", INTEGER, Range.closed("0", String.valueOf(ChatRequest.MAX_TOP_LOGPROBS))),
            optional("top_p", NUMBER, Range.openClosed("0", "1")),
            optional("xtc_threshold", NUMBER, Range.closed("0", "1")),
            optional("xtc_probability", NUMBER, Range.closed("0", "1")),
            field("tools", ARRAY, Presence.OPTIONAL, ToolRules::checkTools),
            optional("min_tokens", INTEGER, Range.atLeast("0")),
            field("response_format", OBJECT, Presence.OPTIONAL, ResponseFormatRules::check),
            // legacy (§3.1 "Removed / legacy fields"): accepted, see §13 q11
            optional("timeout_microseconds", INTEGER, Range.atLeast("1")));

    private static final Map<String, FieldRule> BY_NAME = index(FIELDS);

    private static final Range NON_NEGATIVE = Range.atLeast("0");
    private static final Range LOGIT_BIAS_VALUE = Range.closed("-100", "100");

    /**
     * @param body the parsed request body; anything that is not a JSON object is one violation
     * @param ctx  route flavour, strictness and the requested model; must not be null
     * @return the violations, empty when the body is valid; unmodifiable
     */
    public List<Violation> validate(JsonNode body, ValidationContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Walk walk = new Walk(ctx);
        if (body == null || !body.isObject()) {
            walk.add(null, "request body must be a JSON object, got " + JsonValues.typeName(body),
                    Codes.INVALID_TYPE, RuleIds.VAL_TYPE);
            return walk.result();
        }
        for (FieldRule rule : FIELDS) {
            JsonNode value = body.get(rule.name());
            if (rule.required(ctx.flavour()) && (value == null || value.isMissingNode())) {
                walk.missing(rule.name(), null);
            }
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (walk.full()) {
                break;
            }
            FieldRule rule = BY_NAME.get(member.getKey());
            if (rule == null) {
                if (walk.strict()) {
                    walk.unknownField(member.getKey(), member.getKey());
                }
            } else if (member.getValue() != null && !member.getValue().isMissingNode()) {
                rule.apply(member.getValue(), walk);
            }
        }
        CrossFieldRules.check(body, walk);
        return walk.result();
    }

    /** The names of the known top-level fields, in table order. */
    public static Set<String> knownFields() {
        return BY_NAME.keySet();
    }

    private static void checkEosToken(String path, JsonNode value, JsonKind kind, Walk walk) {
        for (int i = 0; i < value.size() && !walk.full(); i++) {
            String itemPath = Walk.index(path, i);
            JsonNode item = value.get(i);
            if (walk.check(itemPath, item, INTEGER, true, false, null)) {
                walk.inRange(itemPath, item, NON_NEGATIVE, null);
            }
        }
    }

    private static void checkLogitBias(String path, JsonNode value, JsonKind kind, Walk walk) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (walk.full()) {
                return;
            }
            String key = entry.getKey();
            String entryPath = Walk.child(path, key);
            if (!TOKEN_ID.matcher(key).matches() || Long.parseLong(key) > Integer.MAX_VALUE) {
                walk.add(entryPath, path + " keys must be token ids (integers from 0 to 2147483647), got "
                        + JsonValues.quoted(key), Codes.INVALID_VALUE, RuleIds.VAL_LOGIT_BIAS);
            }
            if (walk.check(entryPath, entry.getValue(), NUMBER, true, false, null)) {
                walk.inRange(entryPath, entry.getValue(), LOGIT_BIAS_VALUE, null);
            }
        }
    }

    private static void checkReasoningEffort(String path, JsonNode value, JsonKind kind, Walk walk) {
        String effort = value.textValue();
        String shown = effort.length() > MAX_ENUM_VALUE_SHOWN
                ? effort.substring(0, MAX_ENUM_VALUE_SHOWN - 3) + "..." : effort;
        if (!REASONING_EFFORTS.contains(effort)) {
            walk.unknownEnumValue(path, shown, RuleIds.VAL_ENUM);
        } else if (walk.ctx().model() != null && !walk.ctx().model().reasoningEfforts().contains(effort)) {
            walk.unknownEnumValue(path, shown, RuleIds.X_REASONING_EFFORT);
        }
    }

    private static void checkSeed(String path, JsonNode value, JsonKind kind, Walk walk) {
        if (kind == INTEGER) {
            walk.inRange(path, value, NON_NEGATIVE, null);
            return;
        }
        if (value.isEmpty()) {
            walk.add(path, path + " must contain at least one seed when it is an array", Codes.INVALID_VALUE,
                    RuleIds.VAL_RANGE);
            return;
        }
        checkEosToken(path, value, kind, walk);
    }

    private static void checkStop(String path, JsonNode value, JsonKind kind, Walk walk) {
        for (int i = 0; i < value.size() && !walk.full(); i++) {
            walk.required(Walk.index(path, i), value.get(i), STRING, null);
        }
    }

    private static void checkStreamOptions(String path, JsonNode value, JsonKind kind, Walk walk) {
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (walk.full()) {
                return;
            }
            String memberPath = Walk.child(path, member.getKey());
            if (member.getKey().equals("include_usage")) {
                walk.optional(memberPath, member.getValue(), BOOLEAN, null);
            } else if (walk.strict()) {
                walk.unknownField(memberPath, member.getKey());
            }
        }
    }

    private static Map<String, FieldRule> index(List<FieldRule> rules) {
        Map<String, FieldRule> byName = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            byName.put(rule.name(), rule);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
