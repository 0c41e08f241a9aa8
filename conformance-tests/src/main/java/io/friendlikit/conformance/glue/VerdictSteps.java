package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The mock's client verdict ({@code GET /__admin/verdict}, mock-server/ADMIN-API.md "Client verdict") read for one
 * session, in words. Only used by {@code @mock-control} scenarios.
 */
public final class VerdictSteps {

    private final ChatWorld world;
    private final Rules rules;

    public VerdictSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private JsonNode verdict(String session) {
        AdminClient admin = world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may read the verdict"));
        AdminClient.Reply reply = admin.get("/verdict?session=" + URLEncoder.encode(session, StandardCharsets.UTF_8));
        rules.check(reply.status() == 200, "200 from GET /__admin/verdict", () -> "HTTP " + reply.status() + " "
                + reply.body());
        return reply.json();
    }

    /** The row of {@code rows} whose {@code member} is {@code value}, or null. */
    private static JsonNode row(JsonNode rows, String member, String value) {
        for (JsonNode r : rows) {
            if (value.equals(r.path(member).asText())) {
                return r;
            }
        }
        return null;
    }

    @Then("the mock's verdict for session {string} is {string}")
    public void overall(String session, String expected) {
        JsonNode v = verdict(session);
        rules.check(expected.equals(v.path("verdict").asText()), "verdict \"" + expected + "\"",
                () -> v.path("summary").asText());
    }

    @Then("the mock's verdict for session {string} counts {int} request(s) breaking a rule on {string}")
    public void ruleBroken(String session, int count, String param) {
        JsonNode v = verdict(session);
        JsonNode row = row(v.path("rulesBroken"), "param", param);
        rules.check(row != null && row.path("count").asInt() == count, count + " request(s) breaking a rule on "
                + param, () -> Json.abbreviate(Json.write(v.path("rulesBroken"))));
    }

    @Then("the mock's verdict for session {string} shows {string} as {word}")
    public void feature(String session, String feature, String usedOrNever) {
        if (!usedOrNever.equals("used") && !usedOrNever.equals("never")) {
            throw new IllegalArgumentException("say 'as used' or 'as never', not 'as " + usedOrNever + "'");
        }
        JsonNode v = verdict(session);
        JsonNode found = row(v.path("features"), "id", feature);
        rules.check(found != null && found.path("used").asBoolean() == usedOrNever.equals("used"),
                "feature " + feature + " " + usedOrNever + " used",
                () -> found == null ? "no such feature row" : Json.write(found));
    }

    @Then("the mock's verdict for session {string} judges {string} as {string}")
    public void check(String session, String check, String outcome) {
        JsonNode v = verdict(session);
        JsonNode found = row(v.path("checks"), "id", check);
        rules.check(found != null && outcome.equals(found.path("outcome").asText()), "check " + check + " "
                + outcome, () -> found == null ? "no such check" : Json.write(found));
    }
}
