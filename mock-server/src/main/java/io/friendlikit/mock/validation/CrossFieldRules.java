package io.friendlikit.mock.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.validation.Violation.Codes;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Rules that relate two or more top-level fields (docs/api-notes.md §4.1 rules 1 to 4 and 7, §4.2 on
 * tool_choice). They run after the field walk, in table order, and only look at values whose own type is right,
 * so a wrongly typed field yields one violation, not two.
 */
final class CrossFieldRules {

    /** One cross-field rule: its id, where docs/api-notes.md states it, and its check. */
    record CrossFieldRule(RuleId rule, String source, BiConsumer<JsonNode, Walk> check) {
    }

    static final List<CrossFieldRule> RULES = List.of(
            new CrossFieldRule(RuleId.X_MINTOKENS_TOOLS, "§4.1 rule 1", CrossFieldRules::minTokensWithTools),
            new CrossFieldRule(RuleId.X_MINTOKENS_RF, "§4.1 rule 2", CrossFieldRules::minTokensWithResponseFormat),
            new CrossFieldRule(RuleId.X_TOOLS_RF, "§4.1 rules 1, 2", CrossFieldRules::toolsWithResponseFormat),
            new CrossFieldRule(RuleId.X_STREAMOPTS, "§4.1 rule 3", CrossFieldRules::streamOptionsWithoutStream),
            new CrossFieldRule(RuleId.X_TOPLOGPROBS, "§4.1 rule 4", CrossFieldRules::topLogprobsWithoutLogprobs),
            new CrossFieldRule(RuleId.X_SEED_N, "§4.1 rule 7", CrossFieldRules::seedListMatchesN),
            new CrossFieldRule(RuleId.TOOLCHOICE_NO_TOOLS, "§4.2", CrossFieldRules::toolChoiceNeedsTools),
            new CrossFieldRule(RuleId.TOOLCHOICE_UNDECLARED, "§4.2", CrossFieldRules::toolChoiceNamesDeclared));

    private CrossFieldRules() {
    }

    static void check(JsonNode body, Walk walk) {
        for (CrossFieldRule rule : RULES) {
            if (walk.full()) {
                return;
            }
            rule.check().accept(body, walk);
        }
    }

    private static void minTokensWithTools(JsonNode body, Walk walk) {
        if (minTokensPositive(body) && nonEmptyArray(body.get("tools"))) {
            conflict(walk, "min_tokens", "min_tokens is not supported together with tools", RuleId.X_MINTOKENS_TOOLS);
        }
    }

    private static void minTokensWithResponseFormat(JsonNode body, Walk walk) {
        if (minTokensPositive(body) && isObject(body.get("response_format"))) {
            conflict(walk, "min_tokens", "min_tokens is not supported together with response_format",
                    RuleId.X_MINTOKENS_RF);
        }
    }

    private static void toolsWithResponseFormat(JsonNode body, Walk walk) {
        if (nonEmptyArray(body.get("tools")) && isObject(body.get("response_format"))) {
            conflict(walk, "response_format", "response_format is not supported together with tools",
                    RuleId.X_TOOLS_RF);
        }
    }

    private static void streamOptionsWithoutStream(JsonNode body, Walk walk) {
        if (isObject(body.get("stream_options")) && !isTrue(body.get("stream"))) {
            conflict(walk, "stream_options", "stream_options is only allowed when stream is true",
                    RuleId.X_STREAMOPTS);
        }
    }

    private static void topLogprobsWithoutLogprobs(JsonNode body, Walk walk) {
        if (JsonValues.longOrNull(body.get("top_logprobs")) != null && !isTrue(body.get("logprobs"))) {
            conflict(walk, "top_logprobs", "top_logprobs requires logprobs to be true", RuleId.X_TOPLOGPROBS);
        }
    }

    private static void seedListMatchesN(JsonNode body, Walk walk) {
        JsonNode seed = body.get("seed");
        if (!nonEmptyArray(seed)) {
            return;
        }
        JsonNode nNode = body.get("n");
        Long n = nNode == null || nNode.isNull() ? Long.valueOf(1) : JsonValues.longOrNull(nNode);
        if (n != null && n >= 1 && seed.size() != n) {
            conflict(walk, "seed", "seed has " + seed.size() + " entries but n is " + n
                    + "; a seed list needs one seed per choice", RuleId.X_SEED_N);
        }
    }

    private static void toolChoiceNeedsTools(JsonNode body, Walk walk) {
        JsonNode choice = body.get("tool_choice");
        boolean needsTools = choice != null && (choice.isObject()
                || (choice.isTextual() && choice.textValue().equals("required")));
        if (needsTools && !nonEmptyArray(body.get("tools"))) {
            String what = choice.isObject() ? "tool_choice naming a function" : "tool_choice 'required'";
            walk.add("tool_choice", what + " needs a non-empty tools list",
                    Codes.CONFLICT, RuleId.TOOLCHOICE_NO_TOOLS);
        }
    }

    private static void toolChoiceNamesDeclared(JsonNode body, Walk walk) {
        JsonNode choice = body.get("tool_choice");
        JsonNode tools = body.get("tools");
        if (choice == null || !choice.isObject() || !nonEmptyArray(tools)) {
            return;
        }
        JsonNode name = choice.path("function").path("name");
        if (name.isTextual() && ToolRules.FUNCTION_NAME.matcher(name.textValue()).matches()
                && !ToolRules.declaredNames(tools).contains(name.textValue())) {
            String path = "tool_choice.function.name";
            walk.add(path, path + " " + JsonValues.quoted(name.textValue())
                    + " is not declared in tools", Codes.INVALID_VALUE, RuleId.TOOLCHOICE_UNDECLARED);
        }
    }

    private static void conflict(Walk walk, String param, String message, RuleId rule) {
        walk.add(param, message, Codes.CONFLICT, rule);
    }

    private static boolean minTokensPositive(JsonNode body) {
        Long minTokens = JsonValues.longOrNull(body.get("min_tokens"));
        return minTokens != null && minTokens > 0;
    }

    private static boolean nonEmptyArray(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }

    private static boolean isObject(JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
