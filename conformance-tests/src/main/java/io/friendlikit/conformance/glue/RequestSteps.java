package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.json.Json;
import org.opentest4j.TestAbortedException;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Building and sending requests. */
public final class RequestSteps {

    private final ChatWorld world;

    public RequestSteps(ChatWorld world) {
        this.world = world;
    }

    @Given("a chat request")
    public void aChatRequest() {
        world.newBody(world.defaultBody());
    }

    /** The default request with the given members merged in (objects merge, everything else replaces). */
    @Given("a chat request with:")
    public void aChatRequestWith(JsonNode members) {
        ObjectNode body = world.defaultBody();
        merge(body, members);
        world.newBody(body);
    }

    @Given("a chat request for the model {string}")
    public void aChatRequestForModel(String model) {
        ObjectNode body = world.defaultBody();
        body.put("model", model);
        world.newBody(body);
    }

    /** The model of the reasoning scenarios (FRIENDLI_REASONING_MODEL, default zai-org/GLM-5.2). */
    @Given("a chat request for the reasoning model")
    public void aChatRequestForTheReasoningModel() {
        aChatRequestForModel(world.target().reasoningModel());
    }

    /** Same as the inline form, for values too long for one line (schemas, conversations). */
    @Given("the request sets {string} to:")
    public void theRequestSetsTo(String path, JsonNode value) {
        Json.set(world.body(), path, value);
    }

    @Given("the request sets {string} to {json}")
    public void theRequestSets(String path, JsonNode value) {
        Json.set(world.body(), path, value);
    }

    @Given("the request omits {string}")
    public void theRequestOmits(String path) {
        Json.remove(world.body(), path);
    }

    @Given("the request is streamed")
    public void theRequestIsStreamed() {
        world.body().put("stream", true);
    }

    @Given("the request is streamed with usage")
    public void theRequestIsStreamedWithUsage() {
        world.body().put("stream", true);
        world.body().putObject("stream_options").put("include_usage", true);
    }

    /** {@code count} functions tool_0 … tool_(count-1), each without arguments. */
    @Given("the request declares {int} tools")
    public void declaresTools(int count) {
        ArrayNode tools = world.body().putArray("tools");
        for (int i = 0; i < count; i++) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", "tool_" + i).put("description", "Tool number " + i);
            function.putObject("parameters").put("type", "object").putObject("properties");
        }
    }

    @Given("the request has no Authorization header")
    public void noAuthorization() {
        world.withoutAuthorization();
    }

    /** {@code <token>} in the value stands for the configured token. */
    @Given("the request header {string} is {string}")
    public void theRequestHeader(String name, String value) {
        world.header(name, value);
    }

    /** X-Friendli-Team with a team the token does not belong to: --foreign-team, or derived from a mock's team policy. */
    @Given("the request names a team the token does not belong to")
    public void foreignTeam() {
        String team = world.target().foreignTeam().orElseThrow(() -> new TestAbortedException(
                "needs a team the token does not belong to: pass --foreign-team (FRIENDLI_FOREIGN_TEAM); a mock"
                        + " advertises its team policy in GET /__admin/health, and one started without --teams allows"
                        + " every team"));
        world.header("X-Friendli-Team", team);
    }

    /** X-Friendli-Team with a team the token belongs to: --team, or one a mock's team policy allows. */
    @Given("the request names a team the token belongs to")
    public void memberTeam() {
        String team = world.target().memberTeam().orElseThrow(() -> new TestAbortedException(
                "needs a team the token belongs to: pass --team (FRIENDLI_TEAM); a mock advertises its team policy in"
                        + " GET /__admin/health"));
        world.header("X-Friendli-Team", team);
    }

    @Given("the raw request body:")
    public void theRawRequestBody(String text) {
        world.rawBody(text.getBytes(StandardCharsets.UTF_8));
    }

    @Given("the request is padded to {int} MiB")
    public void paddedTo(int mebibytes) {
        String filler = "a ".repeat(mebibytes * 1024 * 1024 / 2 + 1024);
        Json.set(world.body(), "messages[0].content", Json.MAPPER.getNodeFactory().textNode(filler));
    }

    @Given("the request targets the dedicated endpoint")
    public void dedicatedEndpoint() {
        useDedicated("");
    }

    @Given("the request targets the dedicated endpoint with adapter {string}")
    public void dedicatedAdapter(String adapter) {
        useDedicated(":" + adapter);
    }

    /** The container flavour, {@code POST <container base>/chat/completions} (docs/api-notes.md §1). */
    @Given("the request targets the container path")
    public void containerPath() {
        if (world.target().containerChatCompletions().isEmpty()) {
            throw new TestAbortedException("container scenarios need FRIENDLI_CONTAINER_BASE_URL (the base URL of a"
                    + " Friendli Container, e.g. http://localhost:8000/v1); it is only derived on a mock target");
        }
        world.useContainer();
    }

    private void useDedicated(String suffix) {
        if (world.target().dedicatedChatCompletions().isEmpty() || world.target().dedicatedModel().isEmpty()) {
            throw new TestAbortedException("dedicated scenarios need FRIENDLI_DEDICATED_BASE_URL (derived when the base URL"
                    + " ends in /serverless/v1) and FRIENDLI_DEDICATED_MODEL (an endpoint id)");
        }
        world.useDedicatedEndpoint();
        world.body().put("model", world.target().dedicatedModel().get() + suffix);
    }

    @When("the request is sent")
    public void theRequestIsSent() {
        world.send();
    }

    @When("the request is sent plainly and streamed")
    public void sentPlainlyAndStreamed() {
        world.sendPlainAndStreamed();
    }

    @When("the request is sent twice")
    public void sentTwice() {
        world.sendTwice(null, null, null);
    }

    /** Two answers to compare: the first with {@code path} set to {@code first}, the second with it set to {@code second}. */
    @When("the request is sent with {string} set to {json} and again with {json}")
    public void sentWithAndAgainWith(String path, JsonNode first, JsonNode second) {
        world.sendTwice(path, first, second);
    }

    @When("the models are listed")
    public void theModelsAreListed() {
        world.call("GET", world.target().models());
    }

    /** Path relative to the configured base URL, e.g. "/chat/completions". */
    @When("{word} {string} is requested")
    public void pathIsRequested(String method, String path) {
        world.call(method, java.net.URI.create(world.target().baseUrl() + path));
    }

    static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                merge(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
