package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.http.StreamCapture;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

import java.util.List;
import java.util.Map;

/**
 * Control of the mock scoped to one request ({@code X-Mock-Fault}, {@code X-Mock-Scenario}) or one test session
 * ({@code X-Mock-Session}), and what the journal says of a session and of how a delivery ended. Only used by
 * {@code @mock-control} scenarios; everything goes through the mock's admin HTTP API and headers.
 */
public final class SessionSteps {

    /** The journal records how a delivery ended once its last byte is written; it is read until then. */
    private static final long JOURNAL_WAIT_MS = 5_000;

    private final ChatWorld world;
    private final Rules rules;
    private String lastScenarioId;
    private Map<String, List<StreamCapture>> answersBySession = Map.of();

    public SessionSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private AdminClient admin() {
        return world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use session steps"));
    }

    private static ObjectNode fault(String type) {
        return Json.MAPPER.createObjectNode().put("type", type);
    }

    @Given("the mock drops the connection after {int} chunks for session {string}")
    public void disconnectInSession(int chunks, String session) {
        add(admin().inSession(session), "/faults", fault("disconnect").put("afterChunks", chunks));
    }

    @Given("the mock answers every request with HTTP {int}")
    public void httpErrorEverywhere(int status) {
        add(admin(), "/faults", fault("http_error").put("status", status));
    }

    @Given("the mock answers every request with HTTP {int} for session {string}")
    public void httpErrorInSession(int status, String session) {
        add(admin().inSession(session), "/faults", fault("http_error").put("status", status));
    }

    @Given("the mock answers the next request of session {string} with HTTP 429 asking to wait {int} second(s)")
    public void rateLimitedOnceInSession(String session, int seconds) {
        add(admin().inSession(session), "/faults", fault("http_error").put("status", 429)
                .put("message", "slow down").put("retryAfterSeconds", seconds).put("times", 1));
    }

    @Given("the mock replies {string} to every request of session {string}")
    public void replyInSession(String content, String session) {
        ObjectNode scenario = Json.MAPPER.createObjectNode();
        scenario.putObject("reply").put("content", content);
        add(admin().inSession(session), "/scenarios", scenario);
    }

    @Given("the mock keeps the reply {string} for messages containing {string}")
    public void keptReply(String content, String contains) {
        ObjectNode scenario = Json.MAPPER.createObjectNode();
        scenario.putObject("match").put("contains", contains);
        scenario.putObject("reply").put("content", content);
        lastScenarioId = add(admin(), "/scenarios", scenario).path("id").asText();
    }

    @Given("the request picks that reply by its id")
    public void pickScenario() {
        if (lastScenarioId == null) {
            throw new IllegalStateException("no scripted reply was kept earlier in this scenario");
        }
        world.header("X-Mock-Scenario", lastScenarioId);
    }

    @Given("the request is in session {string}")
    public void inSession(String session) {
        world.header(AdminClient.SESSION_HEADER, session);
    }

    @Given("the request carries the fault {string}")
    public void requestFault(String fault) {
        world.header("X-Mock-Fault", fault);
    }

    @When("sessions {string} and {string} each send the request {int} times at once")
    public void sendInParallel(String first, String second, int times) {
        answersBySession = world.sendInSessionsAtOnce(List.of(first, second), times);
    }

    private List<StreamCapture> answersOf(String session) {
        List<StreamCapture> answers = answersBySession.get(session);
        if (answers == null) {
            throw new IllegalStateException("session '" + session + "' sent no requests in this scenario");
        }
        return answers;
    }

    @Then("every answer in session {string} is a stream cut without [DONE]")
    public void everyStreamCut(String session) {
        for (StreamCapture answer : answersOf(session)) {
            rules.check(answer.exchange().status() == 200, "HTTP 200 for every request of session " + session,
                    () -> answer.exchange().describe());
            rules.check(answer.doneIndex().isEmpty(), "every stream of session " + session + " cut before [DONE]",
                    () -> "[DONE] after " + answer.doneIndex().orElse(-1) + " events");
        }
    }

    @Then("every answer in session {string} is rejected with status {int}")
    public void everyRejected(String session, int status) {
        for (StreamCapture answer : answersOf(session)) {
            rules.check(answer.exchange().status() == status,
                    "HTTP " + status + " for every request of session " + session, () -> answer.exchange().describe());
        }
    }

    @Then("the stream carries {int} chunks")
    public void chunkCount(int expected) {
        int got = world.stream().chunkEvents().size();
        rules.check(got == expected, expected + " chunk events", () -> got + " events");
    }

    @Then("the mock journal lists {int} request(s) for session {string}")
    public void journalOfSession(int expected, String session) {
        JsonNode entries = journal("/journal?session=" + session);
        rules.check(entries.size() == expected, expected + " journal entries for session " + session,
                () -> entries.size() + ": " + Json.abbreviate(Json.write(entries)));
        for (JsonNode e : entries) {
            rules.check(session.equals(e.path("session").asText()), "every entry to name session " + session,
                    () -> Json.abbreviate(Json.write(e)));
        }
    }

    @Then("the mock journal's last entry ended as {string}")
    public void lastEnded(String how) {
        JsonNode end = lastEnd();
        rules.check(how.equals(end.path("how").asText()), "the last request to have ended as " + how,
                () -> Json.write(end));
    }

    @Then("the mock journal's last entry ended as {string} after {int} chunks")
    public void lastEndedAfter(String how, int chunks) {
        JsonNode end = lastEnd();
        rules.check(how.equals(end.path("how").asText()) && end.path("chunks").asInt(-1) == chunks,
                "the last request to have ended as " + how + " after " + chunks + " chunks", () -> Json.write(end));
    }

    /** The {@code end} of the newest journal entry, read until the mock has recorded it. */
    private JsonNode lastEnd() {
        long deadline = System.nanoTime() + JOURNAL_WAIT_MS * 1_000_000;
        JsonNode last;
        do {
            JsonNode entries = journal("/journal?last=1");
            last = entries.size() == 1 ? entries.get(0) : null;
            if (last != null && last.has("end")) {
                return last.get("end");
            }
            pause();
        } while (System.nanoTime() < deadline);
        JsonNode seen = last;
        throw rules.violation("a journal entry saying how the last request ended",
                seen == null ? "no entry" : Json.abbreviate(Json.write(seen)));
    }

    private JsonNode journal(String path) {
        AdminClient.Reply reply = admin().get(path);
        if (reply.status() != 200) {
            throw new IllegalStateException("the mock journal answered HTTP " + reply.status() + " " + reply.body());
        }
        return reply.json().path("entries");
    }

    private static JsonNode add(AdminClient admin, String path, ObjectNode json) {
        AdminClient.Reply reply = admin.post(path, json);
        if (reply.status() != 201) {
            throw new IllegalStateException("the mock did not accept " + Json.write(json) + " at " + path + ": HTTP "
                    + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the journal", e);
        }
    }
}
