package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.request.JsonKind;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.friendlikit.mock.request.JsonKind.BOOLEAN;
import static io.friendlikit.mock.request.JsonKind.OBJECT;
import static io.friendlikit.mock.request.JsonKind.STRING;

/** {@code tools} and {@code tool_choice}: docs/api-notes.md §6 and §4.1 rules 11 and 14. */
final class ToolRules {

    /** §4.1 rule 11. */
    static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String FUNCTION_NAME_TEXT = "^[A-Za-z0-9_-]{1,64}$";
    /** §4.1 rule 14 (old docs text). */
    static final int MAX_TOOLS = 128;
    static final List<String> TOOL_CHOICE_MODES = List.of("none", "auto", "required");

    private static final Set<String> TOOL_MEMBERS = Set.of("type", "function");
    private static final Set<String> FUNCTION_MEMBERS = Set.of("name", "description", "parameters");
    private static final Set<String> FUNCTION_MEMBERS_OPENAI = Set.of("name", "description", "parameters", "strict");
    private static final Set<String> CHOICE_MEMBERS = Set.of("type", "function");
    private static final Set<String> CHOICE_FUNCTION_MEMBERS = Set.of("name");

    private ToolRules() {
    }

    static void checkTools(String path, JsonNode tools, JsonKind kind, Walk walk) {
        if (tools.size() > MAX_TOOLS) {
            walk.add(path, path + " must contain at most " + MAX_TOOLS + " functions, got " + tools.size(),
                    Codes.OUT_OF_RANGE, RuleId.TOOL_COUNT);
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        for (int i = 0; i < tools.size() && !walk.full(); i++) {
            checkTool(Walk.index(path, i), tools.get(i), walk, firstIndexByName, i);
        }
    }

    private static void checkTool(String path, JsonNode tool, Walk walk, Map<String, Integer> firstIndexByName,
                                  int index) {
        if (!walk.required(path, tool, OBJECT, RuleId.TOOL_TYPE)) {
            return;
        }
        String functionPath = Walk.child(path, "function");
        JsonNode function = walk.functionMember(path, tool, RuleId.TOOL_TYPE);
        if (function != null) {
            checkFunction(functionPath, function, walk, firstIndexByName, index);
        }
        walk.unknownMembers(tool, path, TOOL_MEMBERS);
    }

    private static void checkFunction(String path, JsonNode function, Walk walk,
                                      Map<String, Integer> firstIndexByName, int index) {
        String namePath = Walk.child(path, "name");
        JsonNode name = function.get("name");
        if (checkName(namePath, name, walk, RuleId.TOOL_NAME)) {
            Integer first = firstIndexByName.putIfAbsent(name.textValue(), index);
            if (first != null) {
                walk.add(namePath, namePath + " " + JsonValues.quoted(name.textValue())
                                + " is already declared by tools[" + first + "]",
                        Codes.INVALID_VALUE, RuleId.TOOL_DUPLICATE);
            }
        }
        walk.optional(Walk.child(path, "description"), function.get("description"), STRING, null);
        walk.required(Walk.child(path, "parameters"), function.get("parameters"), OBJECT, RuleId.TOOL_PARAMS);
        boolean openAi = walk.ctx().tolerateOpenAiSchemaMembers();
        if (openAi) {
            walk.optional(Walk.child(path, "strict"), function.get("strict"), BOOLEAN, null);
        }
        walk.unknownMembers(function, path, openAi ? FUNCTION_MEMBERS_OPENAI : FUNCTION_MEMBERS);
    }

    /** A required function name matching §4.1 rule 11; true when it is valid. */
    private static boolean checkName(String path, JsonNode name, Walk walk, RuleId rule) {
        if (!walk.required(path, name, STRING, rule)) {
            return false;
        }
        if (FUNCTION_NAME.matcher(name.textValue()).matches()) {
            return true;
        }
        walk.add(path, path + " must match " + FUNCTION_NAME_TEXT + ", got " + JsonValues.quoted(name.textValue()),
                Codes.INVALID_VALUE, rule);
        return false;
    }

    static void checkToolChoice(String path, JsonNode choice, JsonKind kind, Walk walk) {
        if (kind == STRING) {
            if (!TOOL_CHOICE_MODES.contains(choice.textValue())) {
                walk.add(path, path + " must be one of none, auto, required or an object naming a function, got "
                        + JsonValues.quoted(choice.textValue()), Codes.UNKNOWN_ENUM, RuleId.TOOLCHOICE_FORMAT);
            }
            return;
        }
        String functionPath = Walk.child(path, "function");
        JsonNode function = walk.functionMember(path, choice, RuleId.TOOLCHOICE_FORMAT);
        if (function != null) {
            checkName(Walk.child(functionPath, "name"), function.get("name"), walk, RuleId.TOOLCHOICE_FORMAT);
            walk.unknownMembers(function, functionPath, CHOICE_FUNCTION_MEMBERS);
        }
        walk.unknownMembers(choice, path, CHOICE_MEMBERS);
    }

    /** Names declared by well-formed items of {@code tools}, in order; empty when tools is absent or not a list. */
    static Set<String> declaredNames(JsonNode tools) {
        Set<String> names = new LinkedHashSet<>();
        if (tools == null || !tools.isArray()) {
            return names;
        }
        for (JsonNode tool : tools) {
            JsonNode name = tool.path("function").path("name");
            if (name.isTextual()) {
                names.add(name.textValue());
            }
        }
        return names;
    }
}
