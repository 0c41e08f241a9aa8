package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.friendlikit.mock.request.JsonKind.BOOLEAN;
import static io.friendlikit.mock.request.JsonKind.OBJECT;
import static io.friendlikit.mock.request.JsonKind.STRING;

/** {@code response_format}: docs/api-notes.md §7 and §4.1 rule 12. */
final class ResponseFormatRules {

    static final List<String> TYPES = List.of("text", "json_object", "json_schema", "regex");

    /** Members each type may carry; {@code json_object.schema} is the legacy serialized schema. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "text", Set.of("type"),
            "json_object", Set.of("type", "schema"),
            "json_schema", Set.of("type", "json_schema"),
            "regex", Set.of("type", "schema"));

    private static final Set<String> JSON_SCHEMA_MEMBERS = Set.of("schema");
    private static final Set<String> JSON_SCHEMA_MEMBERS_OPENAI = Set.of("schema", "name", "description", "strict");

    private ResponseFormatRules() {
    }

    static void check(String path, JsonNode format, JsonKind kind, Walk walk) {
        String typePath = Walk.child(path, "type");
        JsonNode typeNode = format.get("type");
        if (!walk.required(typePath, typeNode, STRING, RuleId.RF_TYPE)) {
            return;
        }
        String type = typeNode.textValue();
        if (!TYPES.contains(type)) {
            walk.add(typePath, typePath + " must be one of " + String.join(", ", TYPES) + ", got "
                    + JsonValues.quoted(type), Codes.UNKNOWN_ENUM, RuleId.RF_TYPE);
            return;
        }
        String schemaPath = Walk.child(path, "schema");
        switch (type) {
            case "json_object" -> walk.optional(schemaPath, format.get("schema"), STRING, RuleId.RF_SCHEMA);
            case "json_schema" -> checkJsonSchema(Walk.child(path, "json_schema"), format.get("json_schema"), walk);
            case "regex" -> {
                if (walk.required(schemaPath, format.get("schema"), STRING, RuleId.RF_REGEX)) {
                    RegexRestrictions.check(schemaPath, format.get("schema").textValue(), walk);
                }
            }
            default -> { } // text: nothing besides type
        }
        walk.unknownMembers(format, path, MEMBERS.get(type));
    }

    private static void checkJsonSchema(String path, JsonNode jsonSchema, Walk walk) {
        if (!walk.required(path, jsonSchema, OBJECT, RuleId.RF_SCHEMA)) {
            return;
        }
        walk.required(Walk.child(path, "schema"), jsonSchema.get("schema"), OBJECT, RuleId.RF_SCHEMA);
        boolean openAi = walk.ctx().tolerateOpenAiSchemaMembers();
        if (openAi) {
            walk.optional(Walk.child(path, "name"), jsonSchema.get("name"), STRING, RuleId.RF_SCHEMA);
            walk.optional(Walk.child(path, "description"), jsonSchema.get("description"), STRING, RuleId.RF_SCHEMA);
            walk.optional(Walk.child(path, "strict"), jsonSchema.get("strict"), BOOLEAN, RuleId.RF_SCHEMA);
        }
        walk.unknownMembers(jsonSchema, path, openAi ? JSON_SCHEMA_MEMBERS_OPENAI : JSON_SCHEMA_MEMBERS);
    }
}
