package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.http.StreamCapture;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Control of the mock through its admin HTTP API. Only used by @mock-control scenarios. */
public final class MockControlSteps {

    private final ChatWorld world;
    private final Rules rules;
    /** The faults this scenario injected, in order, to inject again after a reset. */
    private final List<JsonNode> injected = new ArrayList<>();
    private List<Integer> statuses = List.of();

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
        injected.add(fault);
    }

    @When("the request is sent {int} times")
    public void sentRepeatedly(int times) {
        statuses = world.sendRepeatedly(times);
    }

    @When("the request is sent, waiting at most {int} ms")
    public void sentWithPatience(int millis) {
        world.sendStreamedWithPatience(Duration.ofMillis(millis));
    }

    @Then("some requests are answered {int} and the others {int}")
    public void someAnsweredEach(int one, int other) {
        rules.check(statuses.contains(one) && statuses.contains(other)
                        && statuses.stream().allMatch(s -> s == one || s == other),
                "answers of both " + one + " and " + other + " and nothing else", statuses::toString);
    }

    @Then("every request is answered {int}")
    public void everyAnswered(int status) {
        rules.check(!statuses.isEmpty() && statuses.stream().allMatch(s -> s == status),
                "every answer " + status, statuses::toString);
    }

    /** Resets the mock, injects the scenario's faults again in the same order, and sends the requests again. */
    @Then("after a reset the same faults and requests get the same answers")
    public void sameAfterReset() {
        AdminClient.Reply reset = admin().reset();
        rules.check(reset.status() / 100 == 2, "the admin reset to succeed", reset::body);
        List<Integer> before = statuses;
        for (JsonNode fault : injected) {
            expectCreated(admin().post("/faults", fault), "fault " + Json.write(fault));
        }
        List<Integer> again = world.sendRepeatedly(before.size());
        rules.check(again.equals(before), "the same statuses as the first run " + before, again::toString);
    }

    @Then("the stream stalls after {int} event(s)")
    public void streamStalls(int events) {
        StreamCapture capture = world.stream();
        rules.check(capture.exchange().status() == 200, "HTTP 200 before the stall", () -> capture.exchange().describe());
        rules.check(capture.failure().isPresent() && capture.failure().get().contains("still open"),
                "a stream still open, silent, when the client gave up",
                () -> capture.failure().orElse("a stream that ended by itself"));
        rules.check(capture.events().size() == events && capture.doneIndex().isEmpty(),
                events + " events before the silence, no [DONE]", () -> capture.events().size() + " events"
                        + (capture.doneIndex().isPresent() ? " and [DONE]" : ""));
    }

    @Then("the answer took at least {int} ms to arrive")
    public void tookAtLeast(int millis) {
        long took = world.response().elapsed().toMillis();
        rules.check(took >= millis, "an answer taking at least " + millis + " ms", () -> took + " ms");
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
