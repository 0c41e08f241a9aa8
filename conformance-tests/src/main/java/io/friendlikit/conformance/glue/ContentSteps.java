package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks on what was generated: tool calls, constrained formats, log-probabilities. */
public final class ContentSteps {

    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ChatWorld world;
    private final Rules rules;
    private final ResponseSteps choices;

    public ContentSteps(ChatWorld world, Rules rules, ResponseSteps choices) {
        this.world = world;
        this.rules = rules;
        this.choices = choices;
    }

    @Then("the answer calls the tool {string}")
    public void callsTool(String name) {
        List<String> called = calledNames();
        rules.check(called.contains(name), "a tool call to " + name, () -> "calls " + called);
    }

    @Then("the answer calls no tool")
    public void callsNoTool() {
        List<String> called = calledNames();
        rules.check(called.isEmpty(), "no tool call", () -> "calls " + called);
    }

    @Then("the answer calls at least one tool")
    public void callsSomeTool() {
        List<String> called = calledNames();
        rules.check(!called.isEmpty(), "at least one tool call", () -> "none; answer " + Json.abbreviate(Json.write(world.answer())));
    }

    /** parallel_tool_calls false: no choice makes more than {@code limit} calls. */
    @Then("every choice calls at most {int} tool(s)")
    public void callsAtMost(int limit) {
        choices.forEachChoice((index, choice) -> {
            JsonNode calls = choice.path("message").path("tool_calls");
            rules.check(calls.size() <= limit, "at most " + limit + " tool call(s) in choices[" + index + "]",
                    () -> calls.size() + ": " + names(calls));
        });
    }

    @Then("every choice calls the tool {string} exactly once")
    public void callsExactlyOnce(String name) {
        choices.forEachChoice((index, choice) -> {
            List<String> called = names(choice.path("message").path("tool_calls"));
            rules.check(called.equals(List.of(name)), "choices[" + index + "] to make exactly one call, to " + name,
                    () -> "calls " + called);
        });
    }

    /**
     * Every tool call has an id, type "function", a declared name, and arguments that parse as JSON and are valid
     * against that function's declared parameters.
     */
    @Then("every tool call is well formed for the declared tools")
    public void toolCallsWellFormed() {
        Map<String, JsonNode> declared = new HashMap<>();
        world.sentBody().path("tools").forEach(t -> declared.put(t.path("function").path("name").asText(), t.path("function").path("parameters")));
        choices.forEachChoice((index, choice) -> {
            JsonNode calls = choice.path("message").path("tool_calls");
            for (int i = 0; i < calls.size(); i++) {
                JsonNode call = calls.get(i);
                String where = "choices[" + index + "].message.tool_calls[" + i + "]";
                rules.check(call.path("id").isTextual() && !call.path("id").asText().isEmpty(), where + ".id to be a non-empty string",
                        () -> Json.write(call));
                rules.check("function".equals(call.path("type").asText()), where + ".type = \"function\"", () -> Json.write(call));
                String name = call.path("function").path("name").asText("");
                rules.check(FUNCTION_NAME.matcher(name).matches() && declared.containsKey(name),
                        where + ".function.name to be one of the declared tools " + declared.keySet(), () -> "\"" + name + "\"");
                JsonNode argumentsNode = call.path("function").path("arguments");
                rules.check(argumentsNode.isTextual(), where + ".function.arguments to be a JSON string", () -> Json.write(argumentsNode));
                Optional<JsonNode> arguments = Json.tryParse(argumentsNode.asText());
                rules.check(arguments.isPresent(), where + ".function.arguments to parse as JSON",
                        () -> "\"" + Json.abbreviate(argumentsNode.asText()) + "\"");
                List<String> problems = world.schemas().checkAgainst(Json.write(declared.get(name)), argumentsNode.asText());
                rules.check(problems.isEmpty(), where + ".function.arguments valid against the parameters of " + name,
                        () -> String.join("; ", problems) + " in " + argumentsNode.asText());
            }
        });
    }

    /** Ids of the calls in the answer and, for a stream, of every fragment that carries one (the header fragments). */
    @Then("every tool call id matches {string}")
    public void toolCallIdsMatch(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> ids = new ArrayList<>();
        world.answer().path("choices").forEach(c -> c.path("message").path("tool_calls").forEach(t -> ids.add(t.path("id").asText(null))));
        rules.check(!ids.isEmpty(), "at least one tool call (tool_choice names a function)",
                () -> "none; answer " + Json.abbreviate(Json.write(world.answer())));
        if (world.isStreamed()) {
            for (JsonNode chunk : world.chunks()) {
                chunk.path("choices").forEach(c -> c.path("delta").path("tool_calls").forEach(f -> {
                    if (f.has("id") && !f.get("id").isNull()) {
                        ids.add(f.path("id").isTextual() ? f.path("id").asText() : null);
                    }
                }));
            }
        }
        for (String id : ids) {
            rules.check(id != null && pattern.matcher(id).matches(), "tool-call ids matching /" + regex + "/", () -> "id " + (id == null ? "null" : "\"" + id + "\""));
        }
    }

    @Then("the content of every choice is a JSON object")
    public void contentIsJsonObject() {
        choices.forEachChoice((index, choice) -> {
            String content = choice.path("message").path("content").asText("");
            Optional<JsonNode> parsed = Json.tryParse(content);
            rules.check(parsed.isPresent() && parsed.get().isObject(), "choices[" + index + "].message.content to be a JSON object",
                    () -> "\"" + Json.abbreviate(content) + "\"");
        });
    }

    @Then("the content of every choice is valid against the requested JSON schema")
    public void contentMatchesSchema() {
        JsonNode schema = world.sentBody().path("response_format").path("json_schema").path("schema");
        choices.forEachChoice((index, choice) -> {
            String content = choice.path("message").path("content").asText("");
            rules.check(Json.tryParse(content).isPresent(), "choices[" + index + "].message.content to be JSON",
                    () -> "\"" + Json.abbreviate(content) + "\"");
            List<String> problems = world.schemas().checkAgainst(Json.write(schema), content);
            rules.check(problems.isEmpty(), "choices[" + index + "].message.content valid against the requested schema",
                    () -> String.join("; ", problems) + " in " + Json.abbreviate(content));
        });
    }

    @Then("the content of every choice matches the requested regex")
    public void contentMatchesRegex() {
        String regex = world.sentBody().path("response_format").path("schema").asText();
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("the scenario's regex is not a Java regex: " + regex, e);
        }
        choices.forEachChoice((index, choice) -> {
            String content = choice.path("message").path("content").asText("");
            rules.check(pattern.matcher(content).matches(), "choices[" + index + "].message.content matching /" + regex + "/",
                    () -> "\"" + Json.abbreviate(content) + "\"");
        });
    }

    @Then("every choice carries log-probabilities with {int} alternative(s) per token")
    public void logprobs(int alternatives) {
        choices.forEachChoice((index, choice) -> {
            JsonNode content = choice.path("logprobs").path("content");
            rules.check(content.isArray() && content.size() > 0, "choices[" + index + "].logprobs.content to list the generated tokens",
                    () -> Json.abbreviate(Json.write(choice.path("logprobs"))));
            for (int i = 0; i < content.size(); i++) {
                JsonNode entry = content.get(i);
                String where = "choices[" + index + "].logprobs.content[" + i + "]";
                rules.check(entry.path("token").isTextual() && entry.path("logprob").isNumber() && entry.path("logprob").asDouble() <= 0,
                        where + " to have a token and a logprob <= 0", () -> Json.write(entry));
                rules.check(entry.path("top_logprobs").isArray() && entry.path("top_logprobs").size() == alternatives,
                        where + ".top_logprobs with " + alternatives + " entries", () -> Json.write(entry.path("top_logprobs")));
            }
        });
    }

    /**
     * Every logprob (of the chosen token and of each alternative) is at most 0, "bytes" (when given) are the
     * UTF-8 bytes of the token, and the alternatives are sorted from the most to the least likely.
     */
    @Then("the log-probabilities are well formed")
    public void logprobsWellFormed() {
        forEachPosition((where, entry) -> {
            checkToken(where, entry);
            JsonNode top = entry.path("top_logprobs");
            for (int k = 0; k < top.size(); k++) {
                checkToken(where + ".top_logprobs[" + k + "]", top.get(k));
                if (k > 0) {
                    double previous = top.get(k - 1).path("logprob").asDouble();
                    double current = top.get(k).path("logprob").asDouble();
                    int position = k;
                    rules.check(current <= previous, where + ".top_logprobs sorted by descending logprob",
                            () -> "entry " + position + " (" + current + ") above entry " + (position - 1) + " (" + previous + ")");
                }
            }
        });
    }

    @Then("at every position the chosen token is the first alternative")
    public void chosenIsFirst() {
        forEachPosition((where, entry) -> {
            JsonNode first = entry.path("top_logprobs").path(0);
            rules.check(!first.isMissingNode() && first.path("token").equals(entry.path("token")),
                    where + ".top_logprobs[0] to be the chosen token " + Json.write(entry.path("token")),
                    () -> Json.write(entry.path("top_logprobs")));
        });
    }

    @Then("at every position the chosen token is among the alternatives")
    public void chosenIsAmongAlternatives() {
        forEachPosition((where, entry) -> {
            boolean found = false;
            for (JsonNode alternative : entry.path("top_logprobs")) {
                found |= alternative.path("token").equals(entry.path("token"));
            }
            rules.check(found, where + ".top_logprobs to include the chosen token " + Json.write(entry.path("token")),
                    () -> Json.write(entry.path("top_logprobs")));
        });
    }

    private void checkToken(String where, JsonNode entry) {
        rules.check(entry.path("token").isTextual() && entry.path("logprob").isNumber() && entry.path("logprob").asDouble() <= 0,
                where + " to have a token and a logprob <= 0", () -> Json.write(entry));
        JsonNode bytes = entry.path("bytes");
        if (bytes.isMissingNode() || bytes.isNull()) {
            return;
        }
        List<Integer> expected = new ArrayList<>();
        for (byte b : entry.path("token").asText().getBytes(StandardCharsets.UTF_8)) {
            expected.add(b & 0xff);
        }
        List<Integer> actual = new ArrayList<>();
        bytes.forEach(b -> actual.add(b.isInt() ? b.asInt() : null));
        rules.check(actual.equals(expected), where + ".bytes = the UTF-8 bytes of " + Json.write(entry.path("token")) + " " + expected,
                () -> Json.write(bytes));
    }

    interface PositionCheck {
        void check(String where, JsonNode entry);
    }

    private void forEachPosition(PositionCheck check) {
        choices.forEachChoice((index, choice) -> {
            JsonNode content = choice.path("logprobs").path("content");
            rules.check(content.isArray() && content.size() > 0, "choices[" + index + "].logprobs.content to list the generated tokens",
                    () -> Json.abbreviate(Json.write(choice.path("logprobs"))));
            for (int i = 0; i < content.size(); i++) {
                check.check("choices[" + index + "].logprobs.content[" + i + "]", content.get(i));
            }
        });
    }

    @Then("no choice carries log-probabilities")
    public void noLogprobs() {
        choices.forEachChoice((index, choice) -> {
            JsonNode logprobs = choice.path("logprobs");
            rules.check(logprobs.isMissingNode() || logprobs.isNull() || logprobs.path("content").isNull(),
                    "choices[" + index + "].logprobs absent or null", () -> Json.abbreviate(Json.write(logprobs)));
        });
    }

    private static List<String> names(JsonNode calls) {
        List<String> names = new ArrayList<>();
        calls.forEach(t -> names.add(t.path("function").path("name").asText()));
        return names;
    }

    private List<String> calledNames() {
        List<String> names = new ArrayList<>();
        world.answer().path("choices").forEach(c -> c.path("message").path("tool_calls")
                .forEach(t -> names.add(t.path("function").path("name").asText())));
        return names;
    }
}
