package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON types a field of the request may be declared with. */
enum JsonKind {
    STRING("a string"),
    NUMBER("a number"),
    /** See {@link JsonValues#integerStatus(JsonNode)} for what counts as an integer. */
    INTEGER("an integer"),
    BOOLEAN("a boolean"),
    OBJECT("an object"),
    ARRAY("an array");

    private final String phrase;

    JsonKind(String phrase) {
        this.phrase = phrase;
    }

    /** "a string", "an integer", ... as used in "x must be a string, got number". */
    String phrase() {
        return phrase;
    }

    boolean matches(JsonNode node) {
        return switch (this) {
            case STRING -> node.isTextual();
            case NUMBER -> JsonValues.isFiniteNumber(node);
            case INTEGER -> JsonValues.integerStatus(node) == JsonValues.IntegerStatus.INTEGER;
            case BOOLEAN -> node.isBoolean();
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
        };
    }
}
