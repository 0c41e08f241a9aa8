package io.friendlikit.mock.http;

import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The admin API: faults at each phase, scripted answers, the journal (mock-server/ADMIN-API.md). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiAcceptanceTest {

    private TestServer mock;

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
        mock.bare().post("/__admin/reset").then().statusCode(204);
    }

    private void fault(String json) {
        mock.bare().contentType("application/json").body(json).post("/__admin/faults").then().statusCode(201);
    }

    @Test
    void healthNamesTheKind() {
        mock.bare().get("/__admin/health").then().statusCode(200).body("kind", equalTo("friendli-mock"))
                .body("teams", org.hamcrest.Matchers.empty());
    }

    @Test
    void healthListsTheAllowedTeams() {
        try (TestServer teams = new TestServer(io.friendlikit.mock.MockServer.builder()
                .teams(java.util.Set.of("team-b", "team-a")))) {
            teams.bare().get("/__admin/health").then().statusCode(200)
                    .body("teams", org.hamcrest.Matchers.contains("team-a", "team-b"));
        }
    }

    @Test
    void httpErrorFaultAppliesOnceWithRetryAfter() {
        fault("{\"type\":\"http_error\",\"status\":429,\"message\":\"slow down\",\"retryAfterSeconds\":2,\"times\":1}");
        mock.authed().body(body("")).post(CHAT).then().statusCode(429).header("Retry-After", "2")
                .body("message", equalTo("slow down")).body("error.type", equalTo("rate_limit_error"));
        mock.authed().body(body("")).post(CHAT).then().statusCode(200);
    }

    @Test
    void dropDoneEndsStreamWithoutSentinel() {
        fault("{\"type\":\"drop_done\"}");
        List<String> payloads = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body());
        assertThat(payloads).doesNotContain("[DONE]").isNotEmpty();
    }

    @Test
    void dataAfterDoneWritesAFrameAfterTheSentinel() {
        fault("{\"type\":\"data_after_done\"}");
        List<String> payloads = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body());
        assertThat(payloads.indexOf("[DONE]")).isEqualTo(payloads.size() - 2);
    }

    @Test
    void streamErrorSendsAnErrorEventAndEnds() {
        fault("{\"type\":\"stream_error\",\"afterChunks\":1,\"message\":\"engine crashed\"}");
        List<String> payloads = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body());
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(1)).contains("\"error\"").contains("engine crashed");
    }

    @Test
    void streamErrorEventCarriesTheErrorObjectWhateverTheEnvelope() {
        try (TestServer messageOnly = new TestServer(io.friendlikit.mock.MockServer.builder()
                .errorEnvelope(io.friendlikit.mock.config.ErrorEnvelope.MESSAGE))) {
            messageOnly.server().faults().add(new io.friendlikit.mock.script.Fault.StreamError(1, "boom"), 1);
            List<String> payloads = SseFrames.payloads(messageOnly.rawPost(CHAT, body("\"stream\":true")).body());
            assertThat(payloads.get(1)).contains("\"error\":{\"message\":\"boom\"");
        }
    }

    @Test
    void disconnectCutsTheStream() {
        fault("{\"type\":\"disconnect\",\"afterChunks\":1}");
        try {
            String body = mock.rawPost(CHAT, body("\"stream\":true")).body();
            assertThat(body).doesNotContain("[DONE]");
        } catch (java.io.UncheckedIOException expected) {
            assertThat(expected).hasMessageContaining("");
        }
        mock.authed().body(body("")).post(CHAT).then().statusCode(200);
    }

    @Test
    void wrongUsageTotalBreaksTheSum() {
        fault("{\"type\":\"wrong_usage_total\",\"delta\":3}");
        var json = mock.authed().body(body("")).post(CHAT).then().statusCode(200).extract().jsonPath();
        assertThat(json.getInt("usage.total_tokens"))
                .isEqualTo(json.getInt("usage.prompt_tokens") + json.getInt("usage.completion_tokens") + 3);
    }

    @Test
    void skipValidationAcceptsOutOfRangeValues() {
        fault("{\"type\":\"skip_validation\",\"times\":1}");
        mock.authed().body(body("\"top_p\":7")).post(CHAT).then().statusCode(200);
    }

    @Test
    void malformedChunkAndMixedIdsAndMissingRole() {
        fault("{\"type\":\"malformed_chunk\",\"chunk\":1,\"times\":1}");
        String first = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body()).get(0);
        assertThat(first).doesNotEndWith("}");
        fault("{\"type\":\"mixed_ids\",\"times\":1}");
        List<String> mixed = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body());
        assertThat(mixed.get(0).substring(0, 50)).isNotEqualTo(mixed.get(1).substring(0, 50));
        fault("{\"type\":\"missing_role\",\"times\":1}");
        String noRole = SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body()).get(0);
        assertThat(noRole).doesNotContain("\"role\"");
    }

    @Test
    void badFaultIsRefusedNamingTheProblem() {
        mock.bare().contentType("application/json").body("{\"type\":\"explode\"}").post("/__admin/faults").then()
                .statusCode(400).body("message", containsString("unknown fault type 'explode'"));
        mock.bare().contentType("application/json").body("{\"type\":\"http_error\",\"status\":99}")
                .post("/__admin/faults").then().statusCode(400).body("message", containsString("status"));
        mock.bare().contentType("application/json").body("not json").post("/__admin/faults").then()
                .statusCode(400).body("message", containsString("invalid JSON"));
    }

    @Test
    void faultsAreListedAndCleared() {
        fault("{\"type\":\"latency\",\"firstTokenMs\":5,\"interTokenMs\":1}");
        mock.bare().get("/__admin/faults").then().statusCode(200).body("faults", hasSize(1))
                .body("faults[0].type", equalTo("latency")).body("faults[0].firstTokenMs", equalTo(5));
        mock.bare().delete("/__admin/faults").then().statusCode(204);
        mock.bare().get("/__admin/faults").then().body("faults", hasSize(0));
    }

    @Test
    void scenarioScriptsTheAnswerForMatchingRequests() {
        mock.bare().contentType("application/json")
                .body("{\"match\":{\"contains\":\"weather\"},\"reply\":{\"content\":\"It is sunny in Paris.\"},\"times\":1}")
                .post("/__admin/scenarios").then().statusCode(201);
        String ask = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the WEATHER?\"}]}";
        mock.authed().body(ask).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", equalTo("It is sunny in Paris."));
        mock.authed().body(ask).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", org.hamcrest.Matchers.not(equalTo("It is sunny in Paris.")));
    }

    @Test
    void scriptedToolCallIsReturnedAsACall() {
        mock.bare().contentType("application/json")
                .body("{\"reply\":{\"toolCalls\":[{\"name\":\"get_weather\",\"arguments\":{\"location\":\"Paris\"}}]}}")
                .post("/__admin/scenarios").then().statusCode(201);
        mock.authed().body(body("")).post(CHAT).then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"location\":\"Paris\"}"))
                .body("choices[0].message.tool_calls[0].id", org.hamcrest.Matchers.matchesPattern("call_[A-Za-z0-9]{24}"));
    }

    @Test
    void journalKeepsOnlyTheStartOfLargeBodies() {
        String big = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "word ".repeat(20_000) + "\"}]}";
        mock.authed().body(big).post(CHAT).then().statusCode(200);
        mock.bare().get("/__admin/journal?last=1").then()
                .body("entries[0].body", org.hamcrest.Matchers.nullValue())
                .body("entries[0].rawBody.length()", equalTo(4096));
    }

    @Test
    void journalTellsWhatTheClientGotWrong() {
        mock.authed().body(body("\"top_p\":0")).post(CHAT);
        mock.authed().body("{oops").post(CHAT);
        mock.bare().get("/__admin/journal").then().statusCode(200)
                .body("entries", hasSize(2))
                .body("entries[0].status", equalTo(422))
                .body("entries[0].body.top_p", equalTo(0))
                .body("entries[0].violations[0].param", equalTo("top_p"))
                .body("entries[1].rawBody", equalTo("{oops"))
                .body("entries[1].violations[0].code", equalTo("invalid_json"));
        mock.bare().get("/__admin/journal?status=422").then().body("entries", hasSize(2));
        mock.bare().get("/__admin/journal?status=200").then().body("entries", hasSize(0));
        mock.bare().get("/__admin/journal?last=1").then().body("entries", hasSize(1))
                .body("entries[0].rawBody", equalTo("{oops"));
        mock.bare().get("/__admin/journal?last=x").then().statusCode(400)
                .body("message", containsString("last: must be a non-negative integer"));
        mock.bare().delete("/__admin/journal").then().statusCode(204);
        mock.bare().get("/__admin/journal").then().body("entries", hasSize(0));
    }
}
