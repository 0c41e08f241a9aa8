package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.http.HttpExchange;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock's rate limits per minute and bearer token, set at runtime through {@code PUT /__admin/limits}. Only used
 * by @mock-control scenarios, whose reset before and after (Hooks) puts the limits the mock started with back.
 */
public final class LimitSteps {

    private final ChatWorld world;
    private final Rules rules;
    /** What this scenario asked for so far; PUT sets both limits at once, so each step sends both. */
    private Integer requestsPerMinute;
    private Long tokensPerMinute;

    public LimitSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private AdminClient admin() {
        return world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use limit steps"));
    }

    @Given("the mock allows {int} request(s) per minute")
    public void requestsPerMinute(int perMinute) {
        requestsPerMinute = perMinute;
        putLimits();
    }

    @Given("the mock allows {int} token(s) per minute")
    public void tokensPerMinute(long perMinute) {
        tokensPerMinute = perMinute;
        putLimits();
    }

    private void putLimits() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("requestsPerMinute", requestsPerMinute);
        body.put("tokensPerMinute", tokensPerMinute);
        AdminClient.Reply reply = admin().put("/limits", body);
        if (reply.status() != 200) {
            throw new IllegalStateException("the mock did not accept the limits " + Json.write(body) + ": HTTP "
                    + reply.status() + " " + reply.body());
        }
    }

    /**
     * The answers of "the request is sent N times": 200 while the tokens of the last minute (each answer's
     * {@code usage.total_tokens}) are below the limit, so the request that crosses it is still served, and 429 from
     * then on, at least once.
     */
    @Then("the requests are answered 200 until {long} tokens are used, then 429")
    public void answeredUntilTokensUsed(long limit) {
        List<HttpExchange> answers = world.repeatedAnswers();
        List<String> seen = new ArrayList<>();
        long used = 0;
        boolean refused = false;
        String wrong = null;
        for (HttpExchange answer : answers) {
            int status = answer.status();
            if (!refused && status == 200) {
                if (used >= limit) {
                    wrong = "a 200 after " + used + " tokens were used";
                }
                long tokens = Json.parse(answer.body()).path("usage").path("total_tokens").asLong(-1);
                seen.add("200 (" + tokens + " tokens)");
                if (tokens < 0) {
                    wrong = "a 200 without usage.total_tokens";
                }
                used += Math.max(0, tokens);
            } else {
                seen.add(Integer.toString(status));
                if (status != 429) {
                    wrong = "HTTP " + status;
                } else if (!refused && used < limit) {
                    wrong = "a 429 after only " + used + " tokens";
                }
                refused = true;
            }
            if (wrong != null) {
                break;
            }
        }
        String found = wrong != null ? wrong : !refused ? "no 429 after " + used + " tokens" : null;
        rules.check(found == null, "200 while fewer than " + limit + " tokens were used, then 429",
                () -> found + "; answers " + String.join(", ", seen));
    }

    @Then("the mock's limits are those it started with")
    public void limitsAsAtStart() {
        AdminClient.Reply reply = admin().get("/limits");
        rules.check(reply.status() == 200, "200 from GET /__admin/limits", () -> "HTTP " + reply.status() + " "
                + Json.abbreviate(reply.body()));
        JsonNode limits = reply.json();
        JsonNode atStart = limits.path("atStart");
        rules.check(atStart.isObject() && limits.path("requestsPerMinute").equals(atStart.path("requestsPerMinute"))
                        && limits.path("tokensPerMinute").equals(atStart.path("tokensPerMinute")),
                "the limits in force to equal atStart", () -> Json.abbreviate(reply.body()));
    }
}
