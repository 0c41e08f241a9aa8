package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Control scoped per request ({@code X-Mock-Fault}, {@code X-Mock-Scenario}) and per session ({@code X-Mock-Session})
 * beside the global one, with precedence request > session > global; and the journal's session and stream end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "X-Mock-Session";

    private TestServer mock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        mock = TestServer.start();
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
    }

    private void post(String path, String session, String json) {
        var spec = mock.bare().contentType("application/json").body(json);
        if (session != null) {
            spec.header(SESSION, session);
        }
        spec.post(path).then().statusCode(201);
    }

    private Read chat(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.server().baseUri() + CHAT))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer test-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<java.io.InputStream> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new Read(response.statusCode(), readUntilCut(response.body()));
    }

    /** A response read to its end, or to where the mock dropped the connection. */
    record Read(int statusCode, String body) {
    }

    private static String readUntilCut(java.io.InputStream in) {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (java.io.IOException cut) {
            // a disconnect fault: keep what arrived
        }
        return got.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The journal entries the query keeps, once each has its end recorded (that comes after the last byte). */
    private JsonNode journal(String query, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode entries;
        do {
            entries = JSON.readTree(mock.bare().get("/__admin/journal" + query).asString()).path("entries");
            boolean ended = entries.size() == expected;
            for (JsonNode e : entries) {
                ended &= e.has("end");
            }
            if (ended) {
                return entries;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(entries.size()).as("journal entries for " + query).isEqualTo(expected);
        return entries;
    }

    @Test
    void twoParallelTestsWithDifferentFaultsEachSeeOnlyTheirOwn() throws Exception {
        post("/__admin/faults", "alice", "{\"type\":\"disconnect\",\"afterChunks\":2}");
        post("/__admin/faults", "bob", "{\"type\":\"http_error\",\"status\":503,\"message\":\"bob's outage\"}");
        int rounds = 8;
        CountDownLatch go = new CountDownLatch(1);
        Callable<List<Read>> alice = () -> {
            go.await();
            List<Read> got = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                got.add(chat(body("\"stream\":true,\"max_tokens\":8,\"min_tokens\":8"), SESSION, "alice"));
            }
            return got;
        };
        Callable<List<Read>> bob = () -> {
            go.await();
            List<Read> got = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                got.add(chat(body("\"stream\":true,\"max_tokens\":8,\"min_tokens\":8"), SESSION, "bob"));
            }
            return got;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Read>> a = pool.submit(alice);
            Future<List<Read>> b = pool.submit(bob);
            go.countDown();
            for (Read r : a.get(60, TimeUnit.SECONDS)) {
                assertThat(r.statusCode()).as("alice's streams are not refused by bob's fault").isEqualTo(200);
                assertThat(SseFrames.payloads(r.body())).as("alice's stream is cut after 2 chunks")
                        .hasSize(2).doesNotContain("[DONE]");
            }
            for (Read r : b.get(60, TimeUnit.SECONDS)) {
                assertThat(r.statusCode()).as("bob's requests get bob's fault").isEqualTo(503);
                assertThat(r.body()).contains("bob's outage");
            }
        } finally {
            pool.shutdownNow();
        }
        Read outsider = chat(body("\"stream\":true,\"max_tokens\":8,\"min_tokens\":8"));
        assertThat(SseFrames.payloads(outsider.body())).as("a request without a session sees neither fault")
                .endsWith("[DONE]").hasSizeGreaterThan(3);

        JsonNode alices = journal("?session=alice", rounds);
        for (JsonNode e : alices) {
            assertThat(e.path("session").asText()).isEqualTo("alice");
            assertThat(e.path("faults").toString()).isEqualTo("[\"disconnect\"]");
            assertThat(e.path("end").path("how").asText()).isEqualTo("fault");
            assertThat(e.path("end").path("fault").asText()).isEqualTo("disconnect");
            assertThat(e.path("end").path("chunks").asInt()).isEqualTo(2);
        }
        JsonNode bobs = journal("?session=bob", rounds);
        for (JsonNode e : bobs) {
            assertThat(e.path("status").asInt()).isEqualTo(503);
            assertThat(e.path("end").path("how").asText()).isEqualTo("completed");
        }
        assertThat(journal("", 2 * rounds + 1).size()).isEqualTo(2 * rounds + 1);
    }

    @Test
    void aFaultInTheRequestHeaderAppliesToThatRequestAlone() throws Exception {
        Read cut = chat(body("\"stream\":true,\"max_tokens\":10,\"min_tokens\":10"),
                "X-Mock-Fault", "disconnect;afterChunks=3");
        assertThat(SseFrames.payloads(cut.body())).hasSize(3).doesNotContain("[DONE]");
        Read next = chat(body("\"stream\":true,\"max_tokens\":10,\"min_tokens\":10"));
        assertThat(SseFrames.payloads(next.body())).endsWith("[DONE]");

        Read two = chat(body(""), "X-Mock-Fault",
                "wrong_usage_total;delta=5, latency;firstTokenMs=150");
        JsonNode usage = JSON.readTree(two.body()).path("usage");
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt() + 5);
        JsonNode last = journal("?last=1", 1).get(0);
        assertThat(last.path("faults").toString()).isEqualTo("[\"latency\",\"wrong_usage_total\"]");
        assertThat(last.path("durationMs").asLong()).as("the latency fault's delay is in the duration")
                .isGreaterThanOrEqualTo(150);
        assertThat(mock.server().faults().list()).as("nothing was registered").isEmpty();
    }

    @Test
    void aBadFaultHeaderIsA400NamingTheHeaderAndTheMember() {
        assertBadHeader("X-Mock-Fault", "disconnect;afterChunks=-1", "X-Mock-Fault: afterChunks: must be an integer");
        assertBadHeader("X-Mock-Fault", "disconnect;after=3", "X-Mock-Fault: after: no such member here; known: afterChunks");
        assertBadHeader("X-Mock-Fault", "explode", "X-Mock-Fault: type: unknown fault type 'explode'");
        assertBadHeader("X-Mock-Fault", "latency;firstTokenMs", "X-Mock-Fault: firstTokenMs: expected member=value");
        assertBadHeader("X-Mock-Fault", "http_error;status=503;times=2", "X-Mock-Fault: times: no such member here");
        assertBadHeader("X-Mock-Fault", "disconnect;afterChunks=1;afterChunks=2", "X-Mock-Fault: afterChunks: given twice");
        assertBadHeader("X-Mock-Fault", "latency;firstTokenMs=fast", "X-Mock-Fault: firstTokenMs: must be an integer");
        assertBadHeader(SESSION, "no spaces please", "X-Mock-Session: must be 1 to 64 letters");
        assertBadHeader("X-Mock-Scenario", "scenario-404", "X-Mock-Scenario: no active scenario has the id 'scenario-404'");
    }

    private void assertBadHeader(String header, String value, String message) {
        mock.authed().header(header, value).body(body("")).post(CHAT).then().statusCode(400)
                .body("error.param", equalTo(header)).body("error.code", equalTo("invalid_mock_header"))
                .body("message", startsWith(message));
    }

    @Test
    void theRequestHeaderWinsOverTheSessionWhichWinsOverTheGlobalFaults() {
        mock.bare().contentType("application/json").body("{\"type\":\"http_error\",\"status\":503}")
                .post("/__admin/faults").then().statusCode(201);
        post("/__admin/faults", "s1", "{\"type\":\"http_error\",\"status\":429}");
        mock.authed().header("X-Mock-Fault", "http_error;status=418").header(SESSION, "s1").body(body(""))
                .post(CHAT).then().statusCode(418);
        mock.authed().header(SESSION, "s1").body(body("")).post(CHAT).then().statusCode(429);
        mock.authed().header(SESSION, "s2").body(body("")).post(CHAT).then().statusCode(503);
        mock.authed().body(body("")).post(CHAT).then().statusCode(503);
    }

    @Test
    void sessionScenariosAnswerOnlyThatSessionAndTheHeaderPicksAScenarioById() {
        post("/__admin/scenarios", "alice", "{\"reply\":{\"content\":\"Alice's canned answer.\"}}");
        String rainy = mock.bare().contentType("application/json")
                .body("{\"match\":{\"contains\":\"never sent\"},\"reply\":{\"content\":\"It rains.\"}}")
                .post("/__admin/scenarios").then().statusCode(201).extract().path("id");
        mock.authed().header(SESSION, "alice").body(body("")).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", equalTo("Alice's canned answer."));
        String bobs = mock.authed().header(SESSION, "bob").body(body("")).post(CHAT).then().statusCode(200)
                .extract().path("choices[0].message.content");
        assertThat(bobs).isNotEqualTo("Alice's canned answer.");
        mock.authed().header("X-Mock-Scenario", rainy).header(SESSION, "alice").body(body("")).post(CHAT).then()
                .statusCode(200).body("choices[0].message.content", equalTo("It rains."));
        mock.bare().header(SESSION, "alice").get("/__admin/scenarios").then().statusCode(200)
                .body("scenarios", hasSize(1)).body("scenarios[0].id", startsWith("alice:scenario-"));
        mock.bare().get("/__admin/scenarios").then().body("scenarios", hasSize(1))
                .body("scenarios[0].id", equalTo(rainy));
    }

    @Test
    void sessionsAreListedDeletedAndResetOnTheirOwn() {
        post("/__admin/faults", "alice", "{\"type\":\"drop_done\"}");
        post("/__admin/scenarios", "alice", "{\"reply\":{\"content\":\"hi\"}}");
        post("/__admin/faults", "bob", "{\"type\":\"drop_done\",\"times\":2}");
        mock.bare().contentType("application/json").body("{\"type\":\"mixed_ids\"}").post("/__admin/faults")
                .then().statusCode(201);
        mock.bare().get("/__admin/sessions").then().statusCode(200).body("sessions", hasSize(2))
                .body("sessions[0].name", equalTo("alice")).body("sessions[0].faults", equalTo(1))
                .body("sessions[0].scenarios", equalTo(1)).body("maxSessions", equalTo(256));
        mock.bare().header(SESSION, "bob").get("/__admin/faults").then()
                .body("faults", hasSize(1)).body("faults[0].times", equalTo(2));

        mock.authed().header(SESSION, "alice").body(body("")).post(CHAT).then().statusCode(200);
        mock.bare().contentType("application/json").header(SESSION, "alice").post("/__admin/reset").then().statusCode(204);
        mock.bare().get("/__admin/sessions").then().body("sessions", hasSize(1))
                .body("sessions[0].name", equalTo("bob"));
        mock.bare().get("/__admin/journal?session=alice").then().body("entries", hasSize(0));
        mock.bare().get("/__admin/faults").then().body("faults", hasSize(1))
                .body("faults[0].type", equalTo("mixed_ids"));

        mock.bare().delete("/__admin/sessions/bob").then().statusCode(204);
        mock.bare().get("/__admin/sessions").then().body("sessions", hasSize(0));
        mock.bare().delete("/__admin/sessions/bob").then().statusCode(204);
        mock.bare().delete("/__admin/sessions/bad%20name").then().statusCode(400).body("error.param", equalTo("name"));

        post("/__admin/faults", "carol", "{\"type\":\"drop_done\"}");
        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
        mock.bare().get("/__admin/sessions").then().body("sessions", hasSize(0));
    }

    @Test
    void oneSessionTooManyIsA400AndAResetMakesRoom() {
        for (int i = 0; i < io.friendlikit.mock.script.Sessions.MAX_SESSIONS; i++) {
            mock.server().sessions().open("s" + i);
        }
        mock.bare().contentType("application/json").header(SESSION, "one-more").body("{\"type\":\"drop_done\"}")
                .post("/__admin/faults").then().statusCode(400).body("error.param", equalTo("X-Mock-Session"))
                .body("message", startsWith("X-Mock-Session: at most 256 sessions may be open"));
        // a chat request naming a session that is not open still gets its answer
        mock.authed().header(SESSION, "one-more").body(body("")).post(CHAT).then().statusCode(200);
        mock.bare().delete("/__admin/sessions/s0").then().statusCode(204);
        post("/__admin/faults", "one-more", "{\"type\":\"drop_done\"}");
    }

    @Test
    void badSessionInputToTheAdminApiIsA400NamingIt() {
        mock.bare().contentType("application/json").header(SESSION, "a:b").body("{\"type\":\"drop_done\"}")
                .post("/__admin/faults").then().statusCode(400).body("error.param", equalTo("X-Mock-Session"))
                .body("message", startsWith("X-Mock-Session: must be 1 to 64 letters"));
        mock.bare().get("/__admin/journal?session=").then().statusCode(400).body("error.param", equalTo("session"));
        mock.bare().header(SESSION, "a").get("/__admin/journal?session=b").then().statusCode(400)
                .body("message", containsString("the query names 'b' but X-Mock-Session names 'a'"));
        mock.bare().get("/__admin/journal?sesion=a").then().statusCode(400)
                .body("message", equalTo("sesion: no such member here; known: status, path, session, last"));
        mock.bare().get("/__admin/sessions?x=1").then().statusCode(400);
    }

    @Test
    void theJournalRecordsHowEachDeliveryEnded() throws Exception {
        Read plain = chat(body(""));
        Read stream = chat(body("\"stream\":true,\"max_tokens\":6,\"min_tokens\":6"));
        Read refused = chat(body("\"top_p\":0"));
        Read dropped = chat(body("\"stream\":true,\"max_tokens\":6,\"min_tokens\":6"),
                "X-Mock-Fault", "drop_done");
        JsonNode entries = journal("", 4);
        JsonNode end = entries.get(0).path("end");
        assertThat(end.path("how").asText()).isEqualTo("completed");
        assertThat(end.path("bytes").asLong()).as("bytes of the plain body")
                .isEqualTo(plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        end = entries.get(1).path("end");
        int chunks = SseFrames.payloads(stream.body()).size() - 1;
        assertThat(end.path("how").asText()).isEqualTo("completed");
        assertThat(end.path("chunks").asInt()).isEqualTo(chunks);
        assertThat(end.path("bytes").asLong()).isEqualTo(stream.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(entries.get(2).path("end").path("how").asText()).isEqualTo("completed");
        assertThat(entries.get(2).path("status").asInt()).isEqualTo(refused.statusCode()).isEqualTo(422);
        assertThat(entries.get(3).path("end").path("how").asText()).isEqualTo("fault");
        assertThat(entries.get(3).path("end").path("fault").asText()).isEqualTo("drop_done");
        assertThat(SseFrames.payloads(dropped.body())).doesNotContain("[DONE]");
        for (JsonNode e : entries) {
            assertThat(e.path("durationMs").isIntegralNumber()).as("durationMs of " + e).isTrue();
            assertThat(e.has("session")).isFalse();
        }
    }

    @Test
    void theJournalRecordsAClientThatHungUp() throws Exception {
        String request = body("\"stream\":true,\"max_tokens\":40,\"min_tokens\":40,\"seed\":1");
        byte[] bytes = request.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.server().port())) {
            var out = socket.getOutputStream();
            out.write(("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
                    + "X-Mock-Fault: latency;interTokenMs=150\r\nX-Mock-Session: leaver\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            assertThat(socket.getInputStream().read(new byte[256])).as("the stream started").isPositive();
        }
        JsonNode entry = journal("?session=leaver", 1).get(0);
        JsonNode end = entry.path("end");
        assertThat(end.path("how").asText()).isEqualTo("client_gone");
        assertThat(end.path("chunks").asInt()).as("chunks written before the mock noticed").isBetween(0, 39);
        assertThat(entry.path("durationMs").asLong()).as("it stopped long before the 40 chunks at 150 ms were due")
                .isLessThan(5_000);
    }

    @Test
    void theJournalFilterBySessionAlsoComesFromTheHeader() throws Exception {
        chat(body(""), SESSION, "one");
        chat(body(""), SESSION, "two");
        chat(body(""));
        Response mine = mock.bare().header(SESSION, "one").get("/__admin/journal");
        mine.then().statusCode(200).body("entries", hasSize(1)).body("entries[0].session", equalTo("one"));
        mock.bare().header(SESSION, "one").delete("/__admin/journal").then().statusCode(204);
        mock.bare().get("/__admin/journal").then().body("entries", hasSize(2));
    }
}
