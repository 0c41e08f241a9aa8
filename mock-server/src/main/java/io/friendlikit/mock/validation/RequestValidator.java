package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.request.Range;
import io.friendlikit.mock.request.RequestField;
import io.friendlikit.mock.request.RequestFields;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.friendlikit.mock.request.JsonKind.ARRAY;
import static io.friendlikit.mock.request.JsonKind.BOOLEAN;
import static io.friendlikit.mock.request.JsonKind.INTEGER;
import static io.friendlikit.mock.request.JsonKind.NUMBER;
import static io.friendlikit.mock.request.JsonKind.STRING;

/**
 * Validates a chat-completions request body as a JSON tree, before it is bound to records (records cannot tell a
 * missing member from {@code null} or a wrong type). Returns every violation found, at most
 * {@value #MAX_VIOLATIONS}, in a stable order: missing required fields, then the body's members in the body's
 * order (each one walked depth first), then the cross-field rules in their table order. Never throws for any
 * {@link JsonNode}.
 *
 * <p>Each top-level member is checked against its row of {@link RequestFields#ALL}: presence, {@code null},
 * JSON kind, range ({@link RuleId#VAL_RANGE}) and enum ({@link RuleId#VAL_ENUM}); members with inner structure
 * then get the nested check of {@link #NESTED}. The rule ids are {@link RuleId}; which kit rules they implement is
 * in the "Mock rule ids" section of {@code features/README.md}.
 *
 * <p>Codes ({@link Violation#code()}): missing member {@code missing_field}, wrong type
 * {@code invalid_type}, forbidden null {@code null_not_allowed}, range {@code out_of_range}, enum
 * {@code unknown_enum}, unknown member {@code unknown_field}, cross-field {@code conflicting_fields}, other
 * value rules (pattern, empty list, duplicate, undeclared, regex) {@code invalid_value}.
 */
public final class RequestValidator {

    /** At most this many violations are returned. */
    public static final int MAX_VIOLATIONS = Walk.MAX_VIOLATIONS;

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9]{1,10}");
    private static final int MAX_ENUM_VALUE_SHOWN = 200;

    /** Checks the value of a member whose row (kind, range, enum) is already satisfied. */
    @FunctionalInterface
    interface NestedCheck {
        void check(String path, JsonNode value, JsonKind kind, Walk walk);
    }

    /** The checks below the top level, by field name; every key is a row of {@link RequestFields#ALL}. */
    static final Map<String, NestedCheck> NESTED = Map.ofEntries(
            Map.entry("messages", MessageRules::checkMessages),
            Map.entry("eos_token", RequestValidator::checkEosToken),
            Map.entry("logit_bias", RequestValidator::checkLogitBias),
            Map.entry("reasoning_effort", RequestValidator::checkModelReasoningEffort),
            Map.entry("seed", RequestValidator::checkSeedList),
            Map.entry("stop", RequestValidator::checkStop),
            Map.entry("stream_options", RequestValidator::checkStreamOptions),
            Map.entry("tool_choice", ToolRules::checkToolChoice),
            Map.entry("tools", ToolRules::checkTools),
            Map.entry("response_format", ResponseFormatRules::check));

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
                    Codes.INVALID_TYPE, RuleId.VAL_TYPE);
            return walk.result();
        }
        boolean container = ctx.flavour() == ValidationContext.Flavour.CONTAINER;
        for (RequestField field : RequestFields.ALL) {
            JsonNode value = body.get(field.name());
            if (field.presence().required(container) && (value == null || value.isMissingNode())) {
                walk.missing(field.name(), null);
            }
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            if (walk.full()) {
                break;
            }
            Optional<RequestField> field = RequestFields.named(member.getKey());
            if (field.isEmpty()) {
                if (walk.strict()) {
                    walk.unknownField(member.getKey(), member.getKey());
                }
            } else if (member.getValue() != null && !member.getValue().isMissingNode()) {
                check(field.get(), member.getValue(), walk, container);
            }
        }
        CrossFieldRules.check(body, walk);
        return walk.result();
    }

    /** The names of the known top-level fields, in table order. */
    public static Set<String> knownFields() {
        return RequestFields.names();
    }

    /** Null, kind, range and enum from the row, then the nested check of a value of the right kind. */
    private static void check(RequestField field, JsonNode value, Walk walk, boolean container) {
        String name = field.name();
        if (value.isNull()) {
            if (!field.presence().nullable(container)) {
                walk.nullNotAllowed(name, null);
            }
            return;
        }
        for (JsonKind kind : field.kinds()) {
            if (kind.matches(value)) {
                if (field.range() != null && (kind == INTEGER || kind == NUMBER)
                        && !walk.inRange(name, value, field.range(), null)) {
                    return;
                }
                if (!field.allowed().isEmpty() && kind == STRING && !field.allowed().contains(value.textValue())) {
                    walk.unknownEnumValue(name, shown(value.textValue()), RuleId.VAL_ENUM, field.allowed());
                    return;
                }
                NestedCheck nested = NESTED.get(name);
                if (nested != null) {
                    nested.check(name, value, kind, walk);
                }
                return;
            }
        }
        if (field.kinds().equals(List.of(INTEGER))) {
            walk.check(name, value, INTEGER, false, true, null);
        } else {
            walk.wrongType(name, field.expected(), value, null,
                    field.kinds().contains(INTEGER) || field.kinds().contains(NUMBER));
        }
    }

    private static String shown(String value) {
        return value.length() > MAX_ENUM_VALUE_SHOWN ? value.substring(0, MAX_ENUM_VALUE_SHOWN - 3) + "..." : value;
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
                        + JsonValues.quoted(key), Codes.INVALID_VALUE, RuleId.VAL_LOGIT_BIAS);
            }
            if (walk.check(entryPath, entry.getValue(), NUMBER, true, false, null)) {
                walk.inRange(entryPath, entry.getValue(), LOGIT_BIAS_VALUE, null);
            }
        }
    }

    /** The value is in the global enum (the row); is it one the requested model offers? */
    private static void checkModelReasoningEffort(String path, JsonNode value, JsonKind kind, Walk walk) {
        ModelInfo model = walk.ctx().model();
        if (model != null && !model.reasoningEfforts().contains(value.textValue())) {
            walk.unknownEnumValue(path, shown(value.textValue()), RuleId.X_REASONING_EFFORT,
                    List.copyOf(model.reasoningEfforts()));
        }
    }

    /** An integer seed was range-checked by its row; a list must not be empty and holds seeds >= 0. */
    private static void checkSeedList(String path, JsonNode value, JsonKind kind, Walk walk) {
        if (kind != ARRAY) {
            return;
        }
        if (value.isEmpty()) {
            walk.add(path, path + " must contain at least one seed when it is an array", Codes.INVALID_VALUE,
                    RuleId.VAL_RANGE);
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
}
