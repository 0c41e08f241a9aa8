package io.friendlikit.mock.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code response_format}.
 *
 * @param jsonSchema the schema of type json_schema (the member {@code json_schema.schema}); else null
 * @param regex      the pattern of type regex (the member {@code schema}); else null
 */
public record ResponseFormat(Type type, JsonNode jsonSchema, String regex) {

    public enum Type { TEXT, JSON_OBJECT, JSON_SCHEMA, REGEX }
}
