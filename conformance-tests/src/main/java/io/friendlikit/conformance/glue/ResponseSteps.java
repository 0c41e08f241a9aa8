package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.http.HttpExchange;
import io.friendlikit.conformance.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks on successful answers, plain or streamed (a stream is checked in its reassembled form). */
public final class ResponseSteps {

    private static final long CLOCK_TOLERANCE_SECONDS = 600;

    private final ChatWorld world;
    private final Rules rules;

    public ResponseSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    @Then("the response status is {int}")
    public void theResponseStatusIs(int status) {
        HttpExchange exchange = world.response();
        rules.check(exchange.status() == status, "HTTP " + status, exchange::describe);
    }

    @Then("the response is JSON conforming to the {string} schema")
    public void conformsTo(String schema) {
        HttpExchange exchange = world.response();
        rules.check(exchange.mediaType().equals("application/json"), "Content-Type application/json",
                () -> "'" + exchange.header("Content-Type").orElse("(none)") + "'");
        List<String> problems = world.schemas().check(schema, exchange.body());
        rules.check(problems.isEmpty(), "a body valid against the " + schema + " schema",
                () -> String.join("; ", problems) + " in " + Json.abbreviate(exchange.body()));
    }

    @Then("the response header {string} is {string}")
    public void theResponseHeaderIs(String name, String value) {
        HttpExchange exchange = world.response();
        rules.check(exchange.header(name).map(value::equals).orElse(false), "header " + name + ": " + value,
                () -> exchange.header(name).map(v -> name + ": " + v).orElse("no " + name + " header"));
    }

    @Then("the answer field {string} is {json}")
    public void theAnswerFieldIs(String path, JsonNode expected) {
        JsonNode actual = Json.at(world.answer(), path);
        rules.check(sameValue(expected, actual), path + " = " + Json.write(expected),
                () -> path + " = " + (actual.isMissingNode() ? "(absent)" : Json.abbreviate(Json.write(actual))));
    }

    @Then("the answer field {string} matches {string}")
    public void theAnswerFieldMatches(String path, String regex) {
        JsonNode actual = Json.at(world.answer(), path);
        rules.check(actual.isTextual() && actual.asText().matches(regex), path + " matching /" + regex + "/",
                () -> path + " = " + (actual.isMissingNode() ? "(absent)" : Json.write(actual)));
    }

    @Then("the answer field {string} holds a Unix time close to now")
    public void unixTimeNow(String path) {
        JsonNode actual = Json.at(world.answer(), path);
        long now = Instant.now().getEpochSecond();
        rules.check(actual.isIntegralNumber() && Math.abs(actual.asLong() - now) <= CLOCK_TOLERANCE_SECONDS,
                path + " to be an integer Unix time in seconds within " + CLOCK_TOLERANCE_SECONDS + " s of " + now,
                () -> path + " = " + (actual.isMissingNode() ? "(absent)" : Json.write(actual)));
    }

    @Then("the answer has {int} choice(s) indexed from 0")
    public void choicesIndexed(int count) {
        JsonNode choices = world.answer().path("choices");
        List<Integer> indexes = new ArrayList<>();
        choices.forEach(c -> indexes.add(c.path("index").isInt() ? c.path("index").asInt() : null));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(i);
        }
        rules.check(indexes.equals(expected), count + " choices with indexes " + expected,
                () -> indexes.size() + " choices with indexes " + indexes);
    }

    @Then("every choice has {string} equal to {json}")
    public void everyChoiceHas(String path, JsonNode expected) {
        forEachChoice((index, choice) -> {
            JsonNode actual = Json.at(choice, path);
            rules.check(sameValue(expected, actual), "choices[" + index + "]." + path + " = " + Json.write(expected),
                    () -> actual.isMissingNode() ? "(absent)" : Json.abbreviate(Json.write(actual)));
        });
    }

    @Then("every choice finishes with one of {string}")
    public void finishesWithOneOf(String reasons) {
        Set<String> allowed = Arrays.stream(reasons.split(",")).map(String::trim).collect(Collectors.toSet());
        forEachChoice((index, choice) -> {
            JsonNode reason = choice.path("finish_reason");
            rules.check(reason.isTextual() && allowed.contains(reason.asText()),
                    "choices[" + index + "].finish_reason in " + allowed, () -> Json.write(reason));
        });
    }

    @Then("every choice finishes with {string}")
    public void finishesWith(String reason) {
        everyChoiceHas("finish_reason", Json.MAPPER.getNodeFactory().textNode(reason));
    }

    @Then("the usage total is prompt plus completion tokens")
    public void usageTotal() {
        JsonNode usage = world.answer().path("usage");
        JsonNode prompt = usage.path("prompt_tokens");
        JsonNode completion = usage.path("completion_tokens");
        JsonNode total = usage.path("total_tokens");
        rules.check(prompt.isIntegralNumber() && completion.isIntegralNumber() && total.isIntegralNumber()
                        && prompt.asLong() >= 0 && completion.asLong() >= 0
                        && total.asLong() == prompt.asLong() + completion.asLong(),
                "usage.total_tokens = prompt_tokens + completion_tokens (non-negative integers)",
                () -> "usage " + Json.write(usage));
    }

    @Then("the completion uses at most {int} token(s) per choice")
    public void atMostTokens(int limit) {
        JsonNode answer = world.answer();
        long completion = answer.path("usage").path("completion_tokens").asLong(-1);
        int choices = Math.max(1, answer.path("choices").size());
        rules.check(completion >= 0 && completion <= (long) limit * choices,
                "usage.completion_tokens <= " + limit + " x " + choices + " choice(s)",
                () -> "usage " + Json.write(answer.path("usage")));
    }

    @Then("the completion uses at least {int} token(s) per choice")
    public void atLeastTokens(int minimum) {
        JsonNode answer = world.answer();
        long completion = answer.path("usage").path("completion_tokens").asLong(-1);
        int choices = Math.max(1, answer.path("choices").size());
        rules.check(completion >= (long) minimum * choices,
                "usage.completion_tokens >= " + minimum + " x " + choices + " choice(s)",
                () -> "usage " + Json.write(answer.path("usage")));
    }

    @Then("no choice's content contains {string}")
    public void noContentContains(String text) {
        forEachChoice((index, choice) -> {
            String content = choice.path("message").path("content").asText("");
            rules.check(!content.contains(text), "choices[" + index + "].message.content without \"" + text + "\"",
                    () -> Json.abbreviate(content));
        });
    }

    @Then("the content of every choice is {string}")
    public void contentIs(String text) {
        everyChoiceHas("message.content", Json.MAPPER.getNodeFactory().textNode(text));
    }

    @Then("every choice has a non-empty {string}")
    public void everyChoiceHasNonEmpty(String path) {
        forEachChoice((index, choice) -> {
            JsonNode actual = Json.at(choice, path);
            rules.check(actual.isTextual() && !actual.asText().isEmpty(), "choices[" + index + "]." + path + " to be a non-empty string",
                    () -> actual.isMissingNode() ? "(absent)" : Json.abbreviate(Json.write(actual)));
        });
    }

    /** Absent or null. */
    @Then("no choice has {string}")
    public void noChoiceHas(String path) {
        forEachChoice((index, choice) -> {
            JsonNode actual = Json.at(choice, path);
            rules.check(actual.isMissingNode() || actual.isNull(), "choices[" + index + "]." + path + " absent or null",
                    () -> Json.abbreviate(Json.write(actual)));
        });
    }

    @Then("both answers have the same content")
    public void bothAnswersSameContent() {
        List<String> earlier = contents(world.earlierAnswer());
        List<String> later = contents(world.answer());
        rules.check(earlier.equals(later), "the second answer to repeat the first one's content " + abbreviate(earlier),
                () -> abbreviate(later));
    }

    @Then("the two answers differ in content")
    public void answersDiffer() {
        List<String> earlier = contents(world.earlierAnswer());
        List<String> later = contents(world.answer());
        rules.check(!earlier.equals(later), "the second answer's content to differ from the first one's " + abbreviate(earlier),
                () -> "the same content " + abbreviate(later));
    }

    /** With "seed" a list, choice i equals the single answer to the same request with "seed" seed[i] and n = 1. */
    @Then("every choice has the content a single request with its seed gets")
    public void everyChoiceFollowsItsSeed() {
        JsonNode seeds = world.sentBody().path("seed");
        List<String> contents = contents(world.answer());
        rules.check(seeds.isArray() && seeds.size() == contents.size(), "one choice per listed seed " + seeds,
                () -> contents.size() + " choices");
        for (int i = 0; i < seeds.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode single = world.body().deepCopy();
            single.put("n", 1);
            single.set("seed", seeds.get(i));
            List<String> alone = contents(world.answerTo(single));
            int index = i;
            rules.check(alone.equals(List.of(contents.get(i))),
                    "choices[" + index + "].message.content to equal the answer to \"seed\": " + seeds.get(i) + " " + abbreviate(alone),
                    () -> abbreviate(List.of(contents.get(index))));
        }
    }

    private static List<String> contents(JsonNode answer) {
        List<String> contents = new ArrayList<>();
        answer.path("choices").forEach(c -> contents.add(c.path("message").path("content").asText(null)));
        return contents;
    }

    private static String abbreviate(List<String> contents) {
        return Json.abbreviate(contents.stream().map(c -> c == null ? "null" : "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]")));
    }

    /** The OpenAI-compatible part of the catalogue: {"data": [{"id": "…"}, …]}; Friendli's members are MOD-04's. */
    @Then("the response is a list of models, each with an id")
    public void listOfModels() {
        HttpExchange exchange = world.response();
        rules.check(exchange.mediaType().equals("application/json"), "Content-Type application/json",
                () -> "'" + exchange.header("Content-Type").orElse("(none)") + "'");
        JsonNode data = world.responseJson().path("data");
        rules.check(data.isArray() && data.size() > 0, "a non-empty \"data\" array", () -> Json.abbreviate(exchange.body()));
        for (int i = 0; i < data.size(); i++) {
            JsonNode id = data.get(i).path("id");
            int index = i;
            rules.check(id.isTextual() && !id.asText().isBlank(), "data[" + index + "].id to be a non-empty string",
                    () -> Json.abbreviate(Json.write(data.get(index))));
        }
    }

    @Then("the model list contains the configured model")
    public void modelListContainsConfigured() {
        modelListContains(world.target().model());
    }

    @Then("the model list contains {string}")
    public void modelListContains(String id) {
        JsonNode data = world.responseJson().path("data");
        List<String> ids = new ArrayList<>();
        data.forEach(m -> ids.add(m.path("id").asText()));
        rules.check(ids.contains(id), "a model with id " + id, () -> "ids " + ids);
    }

    interface ChoiceCheck {
        void check(int index, JsonNode choice);
    }

    void forEachChoice(ChoiceCheck check) {
        JsonNode choices = world.answer().path("choices");
        rules.check(choices.isArray() && choices.size() > 0, "at least one choice",
                () -> Json.abbreviate(Json.write(choices)));
        for (int i = 0; i < choices.size(); i++) {
            check.check(i, choices.get(i));
        }
    }

    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }
}
