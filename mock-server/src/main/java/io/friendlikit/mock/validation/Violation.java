package io.friendlikit.mock.validation;

import java.util.List;

/**
 * One broken rule in a request.
 *
 * @param param   the JSON path of the offending member, e.g. {@code messages[2].content} or {@code top_p};
 *                {@code null} when the whole body is at fault (malformed JSON)
 * @param message human text naming the field and the rule, e.g. {@code top_p must be in (0, 1], got 0}
 * @param code    machine code, one of the constants in {@link Codes}
 * @param rule    a {@link RuleId#id()} (e.g. {@code VAL-RANGE}); anything else is refused
 * @param allowed the values that would have been accepted (enum rules), or null
 */
public record Violation(String param, String message, String code, String rule, List<String> allowed) {

    public Violation {
        if (rule == null || RuleId.of(rule).isEmpty()) {
            throw new IllegalArgumentException("not a rule id of RuleId: " + rule);
        }
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    public Violation(String param, String message, String code, String rule) {
        this(param, message, code, rule, null);
    }

    public Violation(String param, String message, String code, RuleId rule) {
        this(param, message, code, rule.id(), null);
    }

    /** The closed set of violation codes. */
    public static final class Codes {
        public static final String INVALID_JSON = "invalid_json";
        public static final String MISSING_FIELD = "missing_field";
        public static final String INVALID_TYPE = "invalid_type";
        public static final String NULL_NOT_ALLOWED = "null_not_allowed";
        public static final String OUT_OF_RANGE = "out_of_range";
        public static final String UNKNOWN_ENUM = "unknown_enum";
        public static final String UNKNOWN_FIELD = "unknown_field";
        public static final String INVALID_VALUE = "invalid_value";
        public static final String CONFLICT = "conflicting_fields";
        public static final String CONTEXT_LENGTH = "context_length_exceeded";
        public static final String MOCK_LIMIT = "mock_limit_exceeded";

        private Codes() {
        }
    }
}
