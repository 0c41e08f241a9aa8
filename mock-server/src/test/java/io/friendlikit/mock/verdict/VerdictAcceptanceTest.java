package io.friendlikit.mock.verdict;

import io.friendlikit.mock.script.Journal;

import io.friendlikit.mock.TestServer;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The client verdict over HTTP: each part graded from real exchanges, one session per client behaviour. */
class VerdictAcceptanceTest {

    private static TestServer mock;

    @BeforeAll
    static void start() {
        mock = TestServer.start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static void fault(String session, String json) {
        mock.bare().contentType("application/json").header("X-Mock-Session", session).body(json)
                .post("/__admin/faults").then().statusCode(201);
    }

    private static int chat(String session, String body) {
        return mock.authed().header("X-Mock-Session", session).body(body).post(CHAT).then().extract().statusCode();
    }

    private static JsonPath verdict(String session) {
        return mock.bare().queryParam("session", session).get("/__admin/verdict").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath v, String list, String id) {
        List<Map<String, Object>> rows = v.getList(list);
        return rows.stream().filter(r -> id.equals(r.get("id")) || id.equals(r.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + list + " row " + id + " in " + rows));
    }

    @Test
    void brokenRulesAreCountedWithTheirFirstExampleAndTheMessageTheClientGot() {
        assertThat(chat("rules", body("\"top_p\":0"))).isEqualTo(422);
        assertThat(chat("rules", body("\"top_p\":0,\"seed\":3"))).isEqualTo(422);
        assertThat(chat("rules", body(""))).isEqualTo(200);
        JsonPath v = verdict("rules");
        assertThat(v.getString("verdict")).isEqualTo("fail");
        assertThat(v.getInt("requests")).isEqualTo(3);
        List<Map<String, Object>> rules = v.getList("rulesBroken");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0)).containsEntry("count", 2).containsEntry("param", "top_p");
        assertThat((String) rules.get(0).get("message")).contains("top_p");
        assertThat(v.getDouble("rulesBroken[0].example.top_p")).isEqualTo(0.0);
        assertThat(v.getString("summary")).startsWith("fail: 3 requests, 1 rule broken");
    }

    @Test
    void coverageNamesTheFeaturesUsedAndThoseNeverUsed() {
        chat("coverage", body("\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
        chat("coverage", body("\"response_format\":{\"type\":\"json_object\"},\"seed\":1"));
        JsonPath v = verdict("coverage");
        assertThat(row(v, "features", "streaming")).containsEntry("used", true).containsEntry("requests", 1);
        assertThat(row(v, "features", "include_usage")).containsEntry("used", true);
        assertThat(row(v, "features", "response_format.json_object")).containsEntry("used", true);
        assertThat(row(v, "features", "seed")).containsEntry("used", true);
        assertThat(row(v, "features", "logprobs")).containsEntry("used", false).containsEntry("requests", 0);
        assertThat(row(v, "features", "tool_result")).containsEntry("used", false);
        assertThat(v.getList("features")).hasSize(Feature.TABLE.size());
        assertThat(v.getString("verdict")).isEqualTo("pass");
    }

    @Test
    void aClientRetryingAtOnceAfterA429WithRetryAfterFailsTheCheck() {
        fault("eager", "{\"type\":\"http_error\",\"status\":429,\"message\":\"slow down\",\"retryAfterSeconds\":2,"
                + "\"times\":1}");
        assertThat(chat("eager", body(""))).isEqualTo(429);
        assertThat(chat("eager", body(""))).isEqualTo(200);
        JsonPath v = verdict("eager");
        Map<String, Object> check = row(v, "checks", "retry_after");
        assertThat(check).containsEntry("outcome", "fail").containsEntry("cases", 1);
        assertThat(v.getString("checks.find { it.id == 'retry_after' }.failed[0].detail"))
                .contains("asking to wait 2000 ms");
        assertThat(v.getString("verdict")).isEqualTo("fail");
    }

    @Test
    void aClientWaitingTheRetryAfterPassesTheCheck() throws InterruptedException {
        fault("patient", "{\"type\":\"http_error\",\"status\":429,\"message\":\"slow down\",\"retryAfterMs\":300,"
                + "\"times\":1}");
        assertThat(chat("patient", body(""))).isEqualTo(429);
        Thread.sleep(400);
        assertThat(chat("patient", body(""))).isEqualTo(200);
        JsonPath v = verdict("patient");
        assertThat(row(v, "checks", "retry_after")).containsEntry("outcome", "pass").containsEntry("cases", 1);
        assertThat(row(v, "checks", "backoff_after_5xx")).containsEntry("outcome", "not_seen");
    }

    @Test
    void twoTokensWithTheSamePrefixAreTwoClients() {
        fault("twins", "{\"type\":\"http_error\",\"status\":429,\"retryAfterSeconds\":30,\"times\":1}");
        io.restassured.specification.RequestSpecification first = mock.bare().contentType("application/json")
                .header("Authorization", "Bearer flp_first-client-token").header("X-Mock-Session", "twins");
        io.restassured.specification.RequestSpecification second = mock.bare().contentType("application/json")
                .header("Authorization", "Bearer flp_second-client-token").header("X-Mock-Session", "twins");
        first.body(body("")).post(CHAT).then().statusCode(429);
        second.body(body("")).post(CHAT).then().statusCode(200);
        Map<String, Object> check = row(verdict("twins"), "checks", "retry_after");
        assertThat(check).as("the second client's request is not the first one's retry")
                .containsEntry("outcome", "pass").containsEntry("cases", 1);
    }

    @Test
    void aRetryStormAfterServerErrorsFailsTheBackoffCheck() {
        fault("storm", "{\"type\":\"http_error\",\"status\":503,\"message\":\"overloaded\",\"times\":7}");
        for (int i = 0; i < 7; i++) {
            assertThat(chat("storm", body(""))).isEqualTo(503);
        }
        assertThat(chat("storm", body(""))).isEqualTo(200);
        Map<String, Object> check = row(verdict("storm"), "checks", "backoff_after_5xx");
        assertThat(check).containsEntry("outcome", "fail");
        assertThat(check.get("failed").toString()).contains("7 retries");
    }

    @Test
    void streamsReadToTheirEndPass() {
        mock.authed().header("X-Mock-Session", "reader").body(body("\"stream\":true")).post(CHAT).then()
                .statusCode(200);
        Map<String, Object> check = row(verdict("reader"), "checks", "streams_read_to_end");
        assertThat(check.get("outcome")).isIn("pass", "not_seen"); // the end is recorded once the last byte is out
    }

    @Test
    void aRetryStormAfterBrokenStreamsFailsTheCalmCheck() {
        fault("broken", "{\"type\":\"stream_error\",\"afterChunks\":1,\"message\":\"boom\",\"times\":5}");
        for (int i = 0; i < 5; i++) {
            mock.authed().header("X-Mock-Session", "broken").body(body("\"stream\":true")).post(CHAT).then()
                    .statusCode(200);
        }
        Map<String, Object> check = row(verdict("broken"), "checks", "calm_after_broken_stream");
        assertThat(check).containsEntry("outcome", "fail");
        assertThat(check.get("failed").toString()).contains("4 requests within");
    }

    @Test
    void aClientThatTimesOutOnAStallPassesAndItsHangUpIsNotCountedAsAnEarlyOne() throws Exception {
        fault("stalled", "{\"type\":\"stall\",\"afterChunks\":1,\"times\":1}");
        // a client with a read timeout: it reads what comes, and gives up after 700 ms without a byte
        String body = body("\"stream\":true");
        byte[] head = ("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-token\r\n"
                + "Content-Type: application/json\r\nX-Mock-Session: stalled\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder seen = new StringBuilder();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.server().port())) {
            socket.setSoTimeout(700);
            socket.getOutputStream().write(head);
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int reads = 0; reads < 1000; reads++) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("a stalled stream ended: " + seen);
                }
                seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            throw new AssertionError("a stalled stream kept writing");
        } catch (java.net.SocketTimeoutException expected) {
            // the client gave up, as it should; closing the socket ends the exchange
        }
        assertThat(seen.toString()).startsWith("HTTP/1.1 200").contains("text/event-stream").doesNotContain("[DONE]");
        Map<String, Object> check = Map.of();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < 100 && System.nanoTime() < deadline; i++) {
            check = row(verdict("stalled"), "checks", "timeout_after_stall");
            if ("pass".equals(check.get("outcome"))) {
                break;
            }
            Thread.sleep(100); // the end of the exchange is journaled when the connection closes
        }
        assertThat(check).containsEntry("outcome", "pass").containsEntry("cases", 1);
        assertThat(row(verdict("stalled"), "checks", "streams_read_to_end").get("outcome"))
                .as("leaving a stalled stream is not hanging up early").isEqualTo("not_seen");
    }

    @Test
    void aClientStillWaitingOnAStallPastTheBoundFails() {
        java.time.Instant received = java.time.Instant.parse("2026-12-02T10:00:00Z");
        Journal.Entry stalled = new Journal.Entry(1, received, "POST", CHAT, Map.of("authorization", "Bearer t***"),
                null, null, TestServer.MODEL, 200, null, List.of(), List.of("stall"), true, null, null, null);
        Verdict v = new Grader(Check.Limits.DEFAULT).grade(List.of(stalled), received.plusSeconds(61));
        Verdict.CheckResult check = v.checks().stream().filter(c -> c.id().equals("timeout_after_stall"))
                .findFirst().orElseThrow();
        assertThat(check.outcome()).isEqualTo("fail");
        assertThat(check.failed().get(0).detail()).contains("still waiting after 61000 ms");
        assertThat(new Grader(Check.Limits.DEFAULT).grade(List.of(stalled), received.plusSeconds(5)).checks()
                .stream().filter(c -> c.id().equals("timeout_after_stall")).findFirst().orElseThrow().outcome())
                .as("within the bound it is not judged yet").isEqualTo("not_seen");
    }

    @Test
    void thePageShowsTheSameRowsEscaped() {
        chat("page", "{\"model\":\"<b>bold</b>\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"top_p\":0}");
        JsonPath v = verdict("page");
        String html = mock.bare().queryParam("session", "page").get("/__admin/verdict.html").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        for (Map<String, Object> rule : v.<Map<String, Object>>getList("rulesBroken")) {
            assertThat(html).contains("<tr data-id=\"" + rule.get("rule") + "\">");
        }
        for (Feature f : Feature.TABLE) {
            assertThat(html).contains("data-id=\"" + f.id() + "\"");
        }
        for (Check c : Check.TABLE) {
            assertThat(html).contains("<tr data-id=\"" + c.id() + "\">");
        }
        assertThat(html).doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void aBadSinceIsRefusedNamingIt() {
        mock.bare().queryParam("since", "yesterday").get("/__admin/verdict").then().statusCode(400)
                .body("error.param", equalTo("since"));
        mock.bare().queryParam("since", "2000-01-01T00:00:00Z").queryParam("session", "rules")
                .get("/__admin/verdict").then().statusCode(200);
        mock.bare().queryParam("mood", "x").get("/__admin/verdict").then().statusCode(400);
    }
}
