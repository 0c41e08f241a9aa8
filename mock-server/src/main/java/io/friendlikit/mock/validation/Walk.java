package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.request.JsonNumbers;
import io.friendlikit.mock.request.Range;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation run: the context, the violations found so far (at most {@link #MAX_VIOLATIONS}) and the
 * wording shared by all rules.
 */
final class Walk {

    static final int MAX_VIOLATIONS = 50;

    private final ValidationContext ctx;
    private final List<Violation> violations = new ArrayList<>();

    Walk(ValidationContext ctx) {
        this.ctx = ctx;
    }

    ValidationContext ctx() {
        return ctx;
    }

    boolean strict() {
        return ctx.strictUnknownFields();
    }

    boolean full() {
        return violations.size() >= MAX_VIOLATIONS;
    }

    List<Violation> result() {
        return Collections.unmodifiableList(new ArrayList<>(violations));
    }

    void add(String param, String message, String code, RuleId rule) {
        add(param, message, code, rule, null);
    }

    void add(String param, String message, String code, RuleId rule, List<String> allowed) {
        if (!full()) {
            violations.add(new Violation(param, message, code, rule.id(), allowed));
        }
    }

    void missing(String path, RuleId rule) {
        add(path, path + " is required", Codes.MISSING_FIELD, or(rule, RuleId.VAL_REQUIRED));
    }

    void nullNotAllowed(String path, RuleId rule) {
        add(path, path + " must not be null", Codes.NULL_NOT_ALLOWED, or(rule, RuleId.VAL_NULL));
    }

    /** "x must be a string, got number"; see {@link #wrongType(String, String, JsonNode, String, boolean)}. */
    void wrongType(String path, String expected, JsonNode got, RuleId rule) {
        wrongType(path, expected, got, rule, false);
    }

    /**
     * @param numericExpected true when a number of some sort was expected: then a wrong number is shown by its
     *                        literal ("must be an integer, got 1.5"), otherwise every value by its type name
     */
    void wrongType(String path, String expected, JsonNode got, RuleId rule, boolean numericExpected) {
        String shown = numericExpected ? JsonValues.describeForType(got) : JsonValues.typeName(got);
        add(path, path + " must be " + expected + ", got " + shown, Codes.INVALID_TYPE, or(rule, RuleId.VAL_TYPE));
    }

    /** The observed live wording of the protobuf JSON parser. */
    void unknownField(String path, String name) {
        add(path, "no such field: '" + name + "'", Codes.UNKNOWN_FIELD, RuleId.VAL_UNKNOWN_FIELD);
    }

    /** The observed live wording of the protobuf JSON parser; {@code allowed} goes into the violation. */
    void unknownEnumValue(String path, String value, RuleId rule, List<String> allowed) {
        add(path, "invalid JSON payload: unknown enum value: '" + value + "'", Codes.UNKNOWN_ENUM, rule, allowed);
    }

    void outOfRange(String path, Range range, JsonNode got, RuleId rule) {
        add(path, path + " must be " + range.text() + ", got " + JsonValues.numberText(got), Codes.OUT_OF_RANGE,
                or(rule, RuleId.VAL_RANGE));
    }

    /**
     * Checks presence, nullability and JSON type of one member.
     *
     * @param rule rule id for all three failures, or null for VAL-REQUIRED / VAL-NULL / VAL-TYPE
     * @return true when the value is present, not null and of the kind (the caller may look inside)
     */
    boolean check(String path, JsonNode value, JsonKind kind, boolean required, boolean nullable, RuleId rule) {
        if (value == null || value.isMissingNode()) {
            if (required) {
                missing(path, rule);
            }
            return false;
        }
        if (value.isNull()) {
            if (!nullable) {
                nullNotAllowed(path, rule);
            }
            return false;
        }
        if (kind.matches(value)) {
            return true;
        }
        if (kind == JsonKind.INTEGER
                && JsonNumbers.integerStatus(value) == JsonNumbers.IntegerStatus.OUT_OF_LONG_RANGE) {
            add(path, path + " must be a 64-bit integer, got " + JsonValues.numberText(value), Codes.OUT_OF_RANGE,
                    or(rule, RuleId.VAL_RANGE));
        } else {
            wrongType(path, kind.phrase(), value, rule, kind == JsonKind.INTEGER || kind == JsonKind.NUMBER);
        }
        return false;
    }

    /** Optional, nullable member of the kind. */
    boolean optional(String path, JsonNode value, JsonKind kind, RuleId rule) {
        return check(path, value, kind, false, true, rule);
    }

    /** Required, non-null member of the kind. */
    boolean required(String path, JsonNode value, JsonKind kind, RuleId rule) {
        return check(path, value, kind, true, false, rule);
    }

    /** A number that must lie in the range; false (after reporting) when it does not. */
    boolean inRange(String path, JsonNode number, Range range, RuleId rule) {
        if (range.contains(JsonNumbers.decimal(number))) {
            return true;
        }
        outOfRange(path, range, number, rule);
        return false;
    }

    /** In strict mode, reports every member of the object not in {@code known}, in body order. */
    void unknownMembers(JsonNode object, String path, Set<String> known) {
        if (!strict()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (full()) {
                return;
            }
            if (!known.contains(member.getKey())) {
                unknownField(child(path, member.getKey()), member.getKey());
            }
        }
    }

    /**
     * The shape shared by tools, tool calls and a named tool_choice: {@code "type": "function"} and a
     * {@code function} object. Reports what is wrong under {@code rule}.
     *
     * @return the {@code function} object, or null when it is missing or not an object
     */
    JsonNode functionMember(String path, JsonNode owner, RuleId rule) {
        String typePath = child(path, "type");
        JsonNode type = owner.get("type");
        if (required(typePath, type, JsonKind.STRING, rule) && !type.textValue().equals("function")) {
            add(typePath, typePath + " must be 'function', got " + JsonValues.quoted(type.textValue()),
                    Codes.UNKNOWN_ENUM, rule);
        }
        JsonNode function = owner.get("function");
        return required(child(path, "function"), function, JsonKind.OBJECT, rule) ? function : null;
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    private static RuleId or(RuleId rule, RuleId fallback) {
        return rule != null ? rule : fallback;
    }
}
