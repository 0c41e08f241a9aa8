package io.friendlikit.conformance.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.friendlikit.conformance.http.StreamCapture;
import io.friendlikit.conformance.json.Json;
import io.friendlikit.conformance.targets.AdminClient;
import io.friendlikit.conformance.targets.PrometheusText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Control of the mock through its admin HTTP API (faults, scripts, journal, metrics). Only used by @mock-control scenarios. */
public final class MockControlSteps {

    /** How long the metrics may take to catch up: a stream's end is counted a moment after its last byte. */
    private static final long METRICS_SETTLE_MS = 2_000;

    private final ChatWorld world;
    private final Rules rules;
    private PrometheusText metricsBefore;
    /** The faults this scenario injected, in order, to inject again after a reset. */
    private final List<JsonNode> injected = new ArrayList<>();
    private List<Integer> statuses = List.of();

    public MockControlSteps(ChatWorld world, Rules rules) {
        this.world = world;
        this.rules = rules;
    }

    private AdminClient admin() {
        return world.target().admin().orElseThrow(() ->
                new IllegalStateException("no admin API; only @mock-control scenarios may use mock-control steps"));
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

    @Then("the requests are answered {numbers}")
    public void answeredInOrder(List<Long> expected) {
        List<Long> got = statuses.stream().map(Integer::longValue).toList();
        rules.check(got.equals(expected), "the answers " + expected + " in this order", got::toString);
    }

    /** A header of each answer of "the request is sent N times", in order (a missing header fails the check). */
    @Then("the header {string} of the answers is {numbers}")
    public void headerOfTheAnswers(String name, List<Long> expected) {
        List<String> got = world.repeatedAnswers().stream().map(a -> a.header(name).orElse("(none)")).toList();
        List<String> wanted = expected.stream().map(String::valueOf).toList();
        rules.check(got.equals(wanted), name + " " + wanted + " on the answers in order", got::toString);
    }

    @When("the mock is reset")
    public void reset() {
        AdminClient.Reply reset = admin().reset();
        rules.check(reset.status() / 100 == 2, "the admin reset to succeed", reset::body);
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

    /** Reads {@code GET /__admin/metrics}; the later "have grown by" step compares with this reading. */
    @Given("the mock's metrics are read")
    public void readMetrics() {
        metricsBefore = metricsNow();
    }

    /**
     * Each row: a sample name of the Prometheus text ({@code friendli_mock_requests_total}), label matchers
     * ({@code status="422", stream="true"}; empty: any labels), and by how much the sum of the matching samples
     * grew since "the mock's metrics are read": a number, or "at least" a number. Metrics that are counted a moment
     * after the response (a stream's end) are given up to two seconds.
     */
    @Then("the mock's metrics have grown by:")
    public void metricsGrewBy(List<Map<String, String>> rows) throws InterruptedException {
        if (metricsBefore == null) {
            throw new IllegalStateException("read the metrics first: \"Given the mock's metrics are read\"");
        }
        long deadline = System.nanoTime() + METRICS_SETTLE_MS * 1_000_000;
        List<String> wrong;
        while (true) {
            PrometheusText now = metricsNow();
            wrong = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String metric = cell(row, "metric");
                String labels = cell(row, "labels");
                String by = cell(row, "by");
                Map<String, String> matchers = PrometheusText.labels(labels);
                double grown = now.sum(metric, matchers) - metricsBefore.sum(metric, matchers);
                if (!Growth.of(by).accepts(grown)) {
                    wrong.add(metric + (labels.isBlank() ? "" : "{" + labels + "}") + " grew by " + format(grown)
                            + ", not " + by);
                }
            }
            if (wrong.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(50);
        }
        List<String> failed = wrong;
        rules.check(failed.isEmpty(), "the mock's metrics to have grown as listed", () -> String.join("; ", failed));
    }

    @Then("the mock's metrics do not mention {string}")
    public void metricsDoNotMention(String text) {
        AdminClient.Reply reply = metricsReply();
        rules.check(!reply.body().contains(text), "no label value in the metrics to contain '" + text + "'",
                () -> reply.body().lines().filter(l -> l.contains(text)).findFirst().orElse(""));
    }

    /** "3" (exactly) or "at least 0.05". */
    private record Growth(double amount, boolean atLeast) {
        static Growth of(String text) {
            String t = text.strip();
            boolean atLeast = t.startsWith("at least ");
            String number = atLeast ? t.substring("at least ".length()).strip() : t;
            try {
                return new Growth(Double.parseDouble(number), atLeast);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the 'by' column takes a number or 'at least <number>', got '"
                        + text + "'", e);
            }
        }

        boolean accepts(double grown) {
            return atLeast ? grown >= amount : Math.abs(grown - amount) < 1e-9;
        }
    }

    private static String cell(Map<String, String> row, String column) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("the metrics table needs the columns metric, labels and by; got "
                    + row.keySet());
        }
        String value = row.get(column);
        return value == null ? "" : value;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private PrometheusText metricsNow() {
        return PrometheusText.parse(metricsReply().body());
    }

    private AdminClient.Reply metricsReply() {
        AdminClient.Reply reply = admin().get("/metrics");
        if (reply.status() != 200) {
            throw new IllegalStateException("the mock did not answer GET /__admin/metrics: HTTP " + reply.status()
                    + " " + Json.abbreviate(reply.body()));
        }
        return reply;
    }

    private static void expectCreated(AdminClient.Reply reply, String what) {
        if (reply.status() != 201) {
            throw new IllegalStateException("the mock did not accept " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
