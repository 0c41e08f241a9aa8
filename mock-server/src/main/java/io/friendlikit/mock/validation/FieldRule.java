package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One row of the top-level field table (spec section 3.1): the field's name, the JSON types it accepts,
 * whether it is required or nullable, and the check of its value once the type is right.
 *
 * @param kinds    accepted JSON types, tried in order; the first that matches selects the value check
 * @param expected the phrase after "must be" when no kind matches (e.g. "an integer or an array of integers")
 * @param check    runs on a present, non-null value of one of the kinds
 */
record FieldRule(String name, List<JsonKind> kinds, String expected, Presence presence, ValueCheck check) {

    /** Whether the field must be there and whether {@code null} is accepted. */
    enum Presence {
        /** required and not nullable for every flavour */
        REQUIRED,
        /** required and not nullable, except on the container route where it is optional and nullable */
        REQUIRED_UNLESS_CONTAINER,
        /** optional; {@code null} means "use the default" */
        OPTIONAL,
        /** optional, but {@code null} is rejected (only tool_choice) */
        OPTIONAL_NOT_NULL
    }

    /** Checks the value of a field whose JSON type is already right. */
    @FunctionalInterface
    interface ValueCheck {
        void check(String path, JsonNode value, JsonKind kind, Walk walk);

        ValueCheck NONE = (path, value, kind, walk) -> { };
    }

    static FieldRule field(String name, JsonKind kind, Presence presence, ValueCheck check) {
        return new FieldRule(name, List.of(kind), kind.phrase(), presence, check);
    }

    static FieldRule optional(String name, JsonKind kind) {
        return field(name, kind, Presence.OPTIONAL, ValueCheck.NONE);
    }

    /** Optional number or integer within the range. */
    static FieldRule optional(String name, JsonKind kind, Range range) {
        return field(name, kind, Presence.OPTIONAL, (path, value, k, walk) -> walk.inRange(path, value, range, null));
    }

    boolean required(ValidationContext.Flavour flavour) {
        return presence == Presence.REQUIRED
                || (presence == Presence.REQUIRED_UNLESS_CONTAINER && flavour != ValidationContext.Flavour.CONTAINER);
    }

    boolean nullable(ValidationContext.Flavour flavour) {
        return presence == Presence.OPTIONAL
                || (presence == Presence.REQUIRED_UNLESS_CONTAINER && flavour == ValidationContext.Flavour.CONTAINER);
    }

    /** Type, null and value checks of a present member; a missing member is handled by the caller. */
    void apply(JsonNode value, Walk walk) {
        ValidationContext.Flavour flavour = walk.ctx().flavour();
        if (value.isNull()) {
            if (!nullable(flavour)) {
                walk.nullNotAllowed(name, null);
            }
            return;
        }
        for (JsonKind kind : kinds) {
            if (kind.matches(value)) {
                check.check(name, value, kind, walk);
                return;
            }
        }
        if (kinds.equals(List.of(JsonKind.INTEGER))) {
            walk.check(name, value, JsonKind.INTEGER, false, true, null);
        } else {
            walk.wrongType(name, expected, value, null,
                    kinds.contains(JsonKind.INTEGER) || kinds.contains(JsonKind.NUMBER));
        }
    }
}
