package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.friendlikit.conformance.http.HttpExchange;
import io.friendlikit.conformance.json.Json;

import java.util.ArrayList;
import java.util.List;

/** Checks on rejected requests and the error envelope. */
public final class ErrorSteps {

    private final ChatWorld world;
    private final Rules rules;

    public ErrorSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    @Then("the request is accepted")
    public void accepted() {
        HttpExchange exchange = world.response();
        rules.check(exchange.status() == 200, "HTTP 200", exchange::describe);
    }

    /** A 429 tells the client when to come back: Retry-After as a whole number of seconds (RFC 9110 §10.2.3). */
    @Then("the response tells the client when to retry")
    public void retryAfter() {
        HttpExchange exchange = world.response();
        String value = exchange.header("Retry-After").orElse(null);
        rules.check(value != null && value.trim().matches("\\d+"), "a Retry-After header with a number of seconds",
                () -> value == null ? "no Retry-After header (headers " + exchange.headers().keySet() + ")" : "Retry-After: " + value);
    }

    /** The status, and an error body with a non-empty message (the envelope of fixtures/schemas/error). */
    @Then("the request is rejected with status {int}")
    public void rejected(int status) {
        HttpExchange exchange = world.response();
        rules.check(exchange.status() == status, "HTTP " + status, exchange::describe);
        checkEnvelope(exchange);
    }

    private void checkEnvelope(HttpExchange exchange) {
        rules.check(exchange.mediaType().equals("application/json"), "an application/json error body",
                () -> "Content-Type '" + exchange.header("Content-Type").orElse("(none)") + "'");
        List<String> problems = world.schemas().check("error", exchange.body());
        rules.check(problems.isEmpty(), "an error body valid against the error schema",
                () -> String.join("; ", problems) + " in " + Json.abbreviate(exchange.body()));
    }

    /**
     * An invalid request is refused as a client error an OpenAI-compatible client reports as such: 400 (OpenAI's
     * BadRequest) or 422 (Friendli's choice), with the error envelope. Scenarios pinning Friendli's 422 are
     * tagged @friendli-specific.
     */
    @Then("the request is rejected as invalid")
    public void rejectedAsInvalid() {
        HttpExchange exchange = world.response();
        rules.check(exchange.status() == 400 || exchange.status() == 422, "HTTP 400 or 422 (an invalid request)",
                exchange::describe);
        checkEnvelope(exchange);
    }

    @Then("the request is rejected with status {int} and code {string}")
    public void rejectedWithCode(int status, String code) {
        rejected(status);
        JsonNode body = world.responseJson();
        List<String> codes = new ArrayList<>();
        codes.add(body.path("error").path("code").asText(null));
        body.path("violations").forEach(v -> codes.add(v.path("code").asText(null)));
        rules.check(codes.contains(code), "error code " + code, () -> "codes " + codes + " in " + Json.abbreviate(world.response().body()));
    }

    /**
     * The error's param, or one of its violations' params, is the given path or a path inside it (seed[0] for seed);
     * failing that, the error message quotes the name ('messages', "messages" or `messages`), as OpenAI-compatible
     * servers that leave param null do.
     */
    @Then("the error names the parameter {string}")
    public void errorNamesParameter(String param) {
        JsonNode body = world.responseJson();
        List<String> params = new ArrayList<>();
        params.add(body.path("error").path("param").asText(null));
        body.path("violations").forEach(v -> params.add(v.path("param").asText(null)));
        boolean named = params.stream().anyMatch(p -> p != null
                && (p.equals(param) || p.startsWith(param + ".") || p.startsWith(param + "[")));
        String message = body.path("message").asText("") + " " + body.path("error").path("message").asText("");
        boolean quoted = message.contains("'" + param + "'") || message.contains("\"" + param + "\"")
                || message.contains("`" + param + "`");
        rules.check(named || quoted, "the error to name the parameter " + param + " (param, or quoted in the message)",
                () -> "params " + params + " in " + Json.abbreviate(world.response().body()));
    }

    @Then("the error message contains {string}")
    public void errorMessageContains(String text) {
        JsonNode body = world.responseJson();
        String message = body.path("message").asText(body.path("error").path("message").asText(""));
        rules.check(message.contains(text), "an error message containing \"" + text + "\"", () -> "\"" + message + "\"");
    }
}
