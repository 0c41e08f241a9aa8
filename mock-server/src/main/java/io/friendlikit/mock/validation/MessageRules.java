package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.friendlikit.mock.request.JsonKind.ARRAY;
import static io.friendlikit.mock.request.JsonKind.OBJECT;
import static io.friendlikit.mock.request.JsonKind.STRING;

/** The {@code messages} array: docs/api-notes.md §5 (message objects) and the message rules of §4. */
final class MessageRules {

    static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

    /** Members each role may carry (§5.1 to §5.4). */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "system", Set.of("role", "content", "name"),
            "user", Set.of("role", "content", "name"),
            "assistant", Set.of("role", "content", "reasoning_content", "reasoning", "name", "tool_calls"),
            "tool", Set.of("role", "content", "tool_call_id", "name"));

    /** Content part type to the member that carries its payload (§5.2). */
    static final Map<String, String> PART_MEMBER = Map.of(
            "text", "text", "image_url", "image_url", "audio_url", "audio_url", "video_url", "video_url");
    static final List<String> PART_TYPES = List.of("text", "image_url", "audio_url", "video_url");

    private static final Set<String> TOOL_CALL_MEMBERS = Set.of("id", "type", "function");
    private static final Set<String> TOOL_CALL_FUNCTION_MEMBERS = Set.of("name", "arguments");
    private static final Set<String> URL_MEMBERS = Set.of("url");

    private MessageRules() {
    }

    static void checkMessages(String path, JsonNode messages, JsonKind kind, Walk walk) {
        if (messages.isEmpty()) {
            walk.add(path, path + " must contain at least one message", Codes.INVALID_VALUE,
                    RuleId.VAL_MESSAGES);
            return;
        }
        Set<String> earlierToolCallIds = new HashSet<>();
        for (int i = 0; i < messages.size() && !walk.full(); i++) {
            checkMessage(Walk.index(path, i), messages.get(i), walk, earlierToolCallIds);
        }
    }

    private static void checkMessage(String path, JsonNode message, Walk walk, Set<String> earlierToolCallIds) {
        if (!walk.required(path, message, OBJECT, RuleId.MSG_ROLE)) {
            return;
        }
        String rolePath = Walk.child(path, "role");
        if (!walk.required(rolePath, message.get("role"), STRING, RuleId.MSG_ROLE)) {
            return;
        }
        String role = message.get("role").textValue();
        if (!ROLES.contains(role)) {
            walk.add(rolePath, rolePath + ": unknown role " + JsonValues.quoted(role), Codes.UNKNOWN_ENUM,
                    RuleId.MSG_ROLE);
            return;
        }
        String contentPath = Walk.child(path, "content");
        JsonNode content = message.get("content");
        if (!role.equals("assistant") && content == null) {
            walk.missing(contentPath, RuleId.MSG_CONTENT);
        }
        if (role.equals("tool") && message.get("tool_call_id") == null) {
            walk.missing(Walk.child(path, "tool_call_id"), RuleId.MSG_TOOL_ID);
        }
        Set<String> known = MEMBERS.get(role);
        for (Map.Entry<String, JsonNode> member : message.properties()) {
            if (walk.full()) {
                return;
            }
            String name = member.getKey();
            String memberPath = Walk.child(path, name);
            JsonNode value = member.getValue();
            if (!known.contains(name)) {
                if (walk.strict()) {
                    walk.unknownField(memberPath, name);
                }
                continue;
            }
            switch (name) {
                case "content" -> checkContent(role, memberPath, value, walk);
                case "name", "reasoning_content", "reasoning" -> walk.optional(memberPath, value, STRING, null);
                case "tool_calls" -> checkToolCalls(memberPath, value, walk, earlierToolCallIds);
                case "tool_call_id" -> walk.required(memberPath, value, STRING, RuleId.MSG_TOOL_ID);
                default -> { } // role, checked above
            }
        }
        if (role.equals("assistant")) {
            checkAssistantHasContentOrToolCalls(path, message, walk);
        }
        if (role.equals("tool")) {
            checkToolCallIdMatches(path, message, walk, earlierToolCallIds);
        }
    }

    private static void checkContent(String role, String path, JsonNode content, Walk walk) {
        switch (role) {
            case "user" -> checkUserContent(path, content, walk);
            case "assistant" -> walk.optional(path, content, STRING, RuleId.MSG_ASSISTANT);
            default -> walk.required(path, content, STRING, RuleId.MSG_CONTENT);
        }
    }

    private static void checkUserContent(String path, JsonNode content, Walk walk) {
        if (content.isNull()) {
            walk.nullNotAllowed(path, RuleId.MSG_CONTENT);
            return;
        }
        if (content.isTextual()) {
            return;
        }
        if (!content.isArray()) {
            walk.wrongType(path, "a string or an array of content parts", content, RuleId.MSG_CONTENT);
            return;
        }
        if (content.isEmpty()) {
            walk.add(path, path + " must contain at least one content part", Codes.INVALID_VALUE,
                    RuleId.MSG_CONTENT);
            return;
        }
        for (int i = 0; i < content.size() && !walk.full(); i++) {
            checkContentPart(Walk.index(path, i), content.get(i), walk);
        }
    }

    private static void checkContentPart(String path, JsonNode part, Walk walk) {
        if (!walk.required(path, part, OBJECT, RuleId.MSG_CONTENT)) {
            return;
        }
        String typePath = Walk.child(path, "type");
        if (!walk.required(typePath, part.get("type"), STRING, RuleId.MSG_CONTENT)) {
            return;
        }
        String type = part.get("type").textValue();
        String payloadName = PART_MEMBER.get(type);
        if (payloadName == null) {
            walk.add(typePath, typePath + " must be one of " + String.join(", ", PART_TYPES) + ", got "
                    + JsonValues.quoted(type), Codes.UNKNOWN_ENUM, RuleId.MSG_CONTENT);
            return;
        }
        String payloadPath = Walk.child(path, payloadName);
        JsonNode payload = part.get(payloadName);
        if (payload == null) {
            walk.missing(payloadPath, RuleId.MSG_CONTENT);
        }
        walk.unknownMembers(part, path, Set.of("type", payloadName));
        if (payload == null) {
            return;
        }
        if (type.equals("text")) {
            walk.required(payloadPath, payload, STRING, RuleId.MSG_CONTENT);
            return;
        }
        if (walk.required(payloadPath, payload, OBJECT, RuleId.MSG_CONTENT)) {
            walk.required(Walk.child(payloadPath, "url"), payload.get("url"), STRING, RuleId.MSG_CONTENT);
            walk.unknownMembers(payload, payloadPath, URL_MEMBERS);
        }
    }

    private static void checkToolCalls(String path, JsonNode toolCalls, Walk walk, Set<String> ids) {
        if (!walk.optional(path, toolCalls, ARRAY, RuleId.MSG_ASSISTANT)) {
            return;
        }
        for (int i = 0; i < toolCalls.size() && !walk.full(); i++) {
            checkToolCall(Walk.index(path, i), toolCalls.get(i), walk, ids);
        }
    }

    private static void checkToolCall(String path, JsonNode call, Walk walk, Set<String> ids) {
        if (!walk.required(path, call, OBJECT, RuleId.MSG_ASSISTANT)) {
            return;
        }
        JsonNode id = call.get("id");
        if (walk.required(Walk.child(path, "id"), id, STRING, RuleId.MSG_ASSISTANT)) {
            ids.add(id.textValue());
        }
        String functionPath = Walk.child(path, "function");
        JsonNode function = walk.functionMember(path, call, RuleId.MSG_ASSISTANT);
        if (function != null) {
            walk.required(Walk.child(functionPath, "name"), function.get("name"), STRING, RuleId.MSG_ASSISTANT);
            walk.required(Walk.child(functionPath, "arguments"), function.get("arguments"), STRING,
                    RuleId.MSG_ASSISTANT);
            walk.unknownMembers(function, functionPath, TOOL_CALL_FUNCTION_MEMBERS);
        }
        walk.unknownMembers(call, path, TOOL_CALL_MEMBERS);
    }

    /** §4.1 rule 10. A null content counts as absent; an empty tool_calls list counts as absent. */
    private static void checkAssistantHasContentOrToolCalls(String path, JsonNode message, Walk walk) {
        JsonNode content = message.get("content");
        JsonNode toolCalls = message.get("tool_calls");
        boolean hasContent = content != null && !content.isNull();
        boolean hasToolCalls = toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty();
        if (!hasContent && !hasToolCalls) {
            String contentPath = Walk.child(path, "content");
            walk.add(contentPath, contentPath + " is required unless tool_calls is given", Codes.MISSING_FIELD,
                    RuleId.MSG_ASSISTANT);
        }
    }

    /** §4.2: a tool result answers a call made by an earlier assistant message. */
    private static void checkToolCallIdMatches(String path, JsonNode message, Walk walk, Set<String> ids) {
        JsonNode id = message.get("tool_call_id");
        if (id != null && id.isTextual() && !ids.contains(id.textValue())) {
            String idPath = Walk.child(path, "tool_call_id");
            walk.add(idPath, idPath + " " + JsonValues.quoted(id.textValue())
                            + " does not match the id of a tool call in an earlier assistant message",
                    Codes.INVALID_VALUE, RuleId.MSG_TOOL_ID);
        }
    }
}
