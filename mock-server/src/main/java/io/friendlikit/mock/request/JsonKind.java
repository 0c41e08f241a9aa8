package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON types a member of the request may be declared with. */
public enum JsonKind {
    STRING("a string", "string"),
    NUMBER("a number", "number"),
    /** See {@link JsonNumbers#integerStatus(JsonNode)} for what counts as an integer. */
    INTEGER("an integer", "integer"),
    BOOLEAN("a boolean", "boolean"),
    OBJECT("an object", "object"),
    ARRAY("an array", "array");

    private final String phrase;
    private final String label;

    JsonKind(String phrase, String label) {
        this.phrase = phrase;
        this.label = label;
    }

    /** "a string", "an integer", ... as used in "x must be a string, got number". */
    public String phrase() {
        return phrase;
    }

    /** "string", "integer", ... as the field table shows it. */
    public String label() {
        return label;
    }

    public boolean matches(JsonNode node) {
        return switch (this) {
            case STRING -> node.isTextual();
            case NUMBER -> JsonNumbers.isFiniteNumber(node);
            case INTEGER -> JsonNumbers.integerStatus(node) == JsonNumbers.IntegerStatus.INTEGER;
            case BOOLEAN -> node.isBoolean();
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
        };
    }
}
