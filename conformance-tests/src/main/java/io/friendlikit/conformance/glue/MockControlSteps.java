package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

/** Control of the mock through its admin HTTP API. Only used by @mock-control scenarios. */
public final class MockControlSteps {

    private final ChatWorld world;
    private final Rules rules;

    public MockControlSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private AdminClient admin() {
        return new AdminClient(world.target().adminUrl().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use mock-control steps")));
    }

    @Given("the mock injects the fault {json}")
    public void injectFault(JsonNode fault) {
        expectCreated(admin().post("/faults", fault), "fault " + Json.write(fault));
    }

    @Given("the mock replies {string} to messages containing {string}")
    public void scriptedReply(String content, String contains) {
        ObjectNode scenario = Json.MAPPER.createObjectNode();
        scenario.putObject("match").put("contains", contains);
        scenario.putObject("reply").put("content", content);
        expectCreated(admin().post("/scenarios", scenario), "scenario " + Json.write(scenario));
    }

    @Given("the mock follows the scenario:")
    public void scenario(JsonNode scenario) {
        expectCreated(admin().post("/scenarios", scenario), "scenario " + Json.write(scenario));
    }

    @Then("the mock journal's last entry has status {int}")
    public void journalLastStatus(int status) {
        AdminClient.Reply reply = admin().get("/journal");
        JsonNode entries = reply.json().path("entries");
        rules.check(entries.size() > 0, "at least one journal entry", () -> reply.body());
        JsonNode last = entries.get(entries.size() - 1);
        rules.check(last.path("status").asInt() == status, "the last journal entry to have status " + status,
                () -> Json.abbreviate(Json.write(last)));
    }

    private static void expectCreated(AdminClient.Reply reply, String what) {
        if (reply.status() != 201) {
            throw new IllegalStateException("the mock did not accept " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
