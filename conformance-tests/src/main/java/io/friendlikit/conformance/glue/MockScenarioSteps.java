package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.json.Fixtures;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

/**
 * Scripted answers (scenarios) of the mock, in words: what the mock answers with, and when. Each step builds one
 * scenario of the admin API ({@code POST /__admin/scenarios}, mock-server/ADMIN-API.md). Only used by
 * {@code @mock-control} scenarios.
 */
public final class MockScenarioSteps {

    private final ChatWorld world;
    private final Rules rules;

    public MockScenarioSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private AdminClient admin() {
        return world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use mock-scenario steps"));
    }

    // ------------------------------------------------------------------ answers for the next request

    @Given("the mock answers the next request with a tool call to {string}")
    public void nextToolCall(String name) {
        add(once(reply(toolCall(name, null))));
    }

    @Given("the mock answers the next request with a tool call to {string} with arguments {json}")
    public void nextToolCallWith(String name, JsonNode arguments) {
        add(once(reply(toolCall(name, arguments))));
    }

    @Given("the mock answers the next request with the text {string}")
    public void nextText(String text) {
        add(once(reply(text(text))));
    }

    @Given("the mock answers the next request with the error {int} {string}")
    public void nextError(int status, String message) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putObject("error").put("status", status).put("message", message);
        add(once(reply(answer)));
    }

    // ------------------------------------------------------------------ answers for matching requests

    @Given("the mock answers with the text {string} when {conditions}")
    public void textWhen(String text, ObjectNode match) {
        add(reply(text(text)).set("match", match));
    }

    @Given("the mock answers with the text {string} at priority {int} when {conditions}")
    public void textAtPriorityWhen(String text, int priority, ObjectNode match) {
        ObjectNode scenario = reply(text(text));
        scenario.put("priority", priority).set("match", match);
        add(scenario);
    }

    @Given("the mock answers with a tool call to {string} when {conditions}")
    public void toolCallWhen(String name, ObjectNode match) {
        add(reply(toolCall(name, null)).set("match", match));
    }

    @Given("the mock answers with a tool call to {string} first, then with the text {string}")
    public void toolCallThenText(String name, String text) {
        ObjectNode scenario = Json.MAPPER.createObjectNode();
        scenario.putArray("sequence").add(toolCall(name, null)).add(text(text));
        add(scenario);
    }

    @Given("the mock answers with the text {string} and breaks the stream after {int} chunk(s)")
    public void textThenStreamError(String text, int chunks) {
        ObjectNode answer = text(text);
        answer.putArray("faults").addObject().put("type", "stream_error").put("afterChunks", chunks)
                .put("message", "scripted stream error");
        add(reply(answer));
    }

    @Given("the mock answers with the text {string} reporting {int} prompt and {int} completion tokens")
    public void textWithUsage(String text, int prompt, int completion) {
        ObjectNode answer = text(text);
        answer.putObject("usage").put("promptTokens", prompt).put("completionTokens", completion);
        add(reply(answer));
    }

    @Given("the mock answers with the text {string} whose tokens have the log-probabilities {json}")
    public void textWithLogprobs(String text, JsonNode logprobs) {
        ObjectNode answer = text(text);
        answer.set("logprobs", logprobs);
        add(reply(answer));
    }

    @Given("the mock answers with the text {string} after a first-token delay of {int} ms and {int} ms between tokens")
    public void textWithTiming(String text, int firstTokenMs, int interTokenMs) {
        ObjectNode answer = text(text);
        answer.putObject("timing").put("firstTokenMs", firstTokenMs).put("interTokenMs", interTokenMs);
        add(reply(answer));
    }

    @Given("the mock follows the fixture file {string}")
    public void fixtureFile(String relativePath) {
        JsonNode file = Json.parse(Fixtures.text(relativePath));
        JsonNode scenarios = file.has("scenarios") ? file.get("scenarios") : Json.MAPPER.createArrayNode().add(file);
        for (JsonNode scenario : scenarios) {
            add((ObjectNode) scenario);
        }
    }

    @Then("the mock refuses the scenario {json} naming {string}")
    public void refused(JsonNode scenario, String member) {
        AdminClient.Reply reply = admin().post("/scenarios", scenario);
        rules.check(reply.status() == 400, "400 for the scenario " + Json.write(scenario), () -> "HTTP "
                + reply.status() + " " + reply.body());
        JsonNode body = reply.json();
        rules.check(member.equals(body.path("error").path("param").asText(null)),
                "error.param '" + member + "'", reply::body);
        rules.check(body.path("message").asText("").startsWith(member + ": "),
                "a message starting with '" + member + ": '", reply::body);
    }

    // ------------------------------------------------------------------ the conversation goes on

    /** Appends the answer's assistant message and one tool message per call (all with {@code result}), sends again. */
    @When("the tool result {string} is sent back")
    public void toolResultSentBack(String result) {
        JsonNode message = world.answer().path("choices").path(0).path("message");
        JsonNode calls = message.path("tool_calls");
        rules.check(calls.isArray() && calls.size() > 0, "an answer with tool calls to reply to",
                () -> Json.abbreviate(Json.write(message)));
        ArrayNode messages = (ArrayNode) world.body().get("messages");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ArrayNode echoed = assistant.putArray("tool_calls");
        for (JsonNode call : calls) {
            ObjectNode c = echoed.addObject().put("id", call.path("id").asText()).put("type", "function");
            c.putObject("function").put("name", call.path("function").path("name").asText())
                    .put("arguments", call.path("function").path("arguments").asText());
        }
        for (JsonNode call : calls) {
            messages.addObject().put("role", "tool").put("tool_call_id", call.path("id").asText()).put("content", result);
        }
        world.send();
    }

    // ------------------------------------------------------------------ building blocks

    private static ObjectNode text(String text) {
        return Json.MAPPER.createObjectNode().put("content", text);
    }

    private static ObjectNode toolCall(String name, JsonNode arguments) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ObjectNode call = answer.putArray("toolCalls").addObject().put("name", name);
        if (arguments != null) {
            call.set("arguments", arguments);
        }
        return answer;
    }

    private static ObjectNode reply(ObjectNode answer) {
        ObjectNode scenario = Json.MAPPER.createObjectNode();
        scenario.set("reply", answer);
        return scenario;
    }

    private static ObjectNode once(ObjectNode scenario) {
        return scenario.put("times", 1);
    }

    private void add(ObjectNode scenario) {
        AdminClient.Reply reply = admin().post("/scenarios", scenario);
        if (reply.status() != 201) {
            throw new IllegalStateException("the mock did not accept the scenario " + Json.write(scenario) + ": HTTP "
                    + reply.status() + " " + reply.body());
        }
    }
}
