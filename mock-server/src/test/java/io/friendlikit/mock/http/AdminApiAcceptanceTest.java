package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The admin API: faults at each phase, scripted answers, the journal, and every operation's answer to bad input
 * (mock-server/ADMIN-API.md).
 */
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
        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
    }

    private void fault(String json) {
        mock.bare().contentType("application/json").body(json).post("/__admin/faults").then().statusCode(201);
    }

    @Test
    void healthNamesTheKind() {
        mock.bare().get("/__admin/health").then().statusCode(200).body("kind", equalTo("friendli-mock"))
                .body("teams", org.hamcrest.Matchers.empty()).body("fixtures", org.hamcrest.Matchers.empty());
    }

    @Test
    void healthListsTheWatchedFixtureDirectoriesAbsolute(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (TestServer watched = new TestServer(io.friendlikit.mock.MockServer.builder().fixtures(dir))) {
            watched.bare().get("/__admin/health").then().statusCode(200)
                    .body("fixtures", org.hamcrest.Matchers.contains(dir.toAbsolutePath().normalize().toString()));
        }
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
        // 100 KB is more than a quarter of a 200 KB journal.
        try (TestServer small = new TestServer(MockServer.builder().set(Setting.JOURNAL_BYTES, 200_000L))) {
            small.authed().body(big).post(CHAT).then().statusCode(200);
            small.bare().get("/__admin/journal?last=1").then()
                    .body("entries[0].body", org.hamcrest.Matchers.nullValue())
                    .body("entries[0].rawBody.length()", equalTo(4096));
        }
        mock.authed().body(big).post(CHAT).then().statusCode(200);
        mock.bare().get("/__admin/journal?last=1").then()
                .body("entries[0].body.messages[0].content.length()", equalTo(100_000));
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

    private io.restassured.response.ValidatableResponse post(String path, String json) {
        return mock.bare().contentType("application/json").body(json).post("/__admin" + path).then();
    }

    /** A refused admin body: 400, the envelope naming the member in {@code param} and in the message. */
    private void refused(String path, String json, String member, String fragment) {
        post(path, json).statusCode(400)
                .body("error.code", equalTo("invalid_admin_request"))
                .body("error.param", equalTo(member))
                .body("message", org.hamcrest.Matchers.startsWith(member + ": "))
                .body("message", containsString(fragment));
    }

    /** Fixed: an unknown match member used to be dropped, leaving a scenario that answered every request. */
    @Test
    void scenarioWithAnUnknownMatchMemberIsRefusedNotTurnedIntoMatchEverything() {
        refused("/scenarios", "{\"match\":{\"regex\":\"wea.*\"},\"reply\":{\"content\":\"scripted\"}}",
                "match.regex", "known: body, contains, headers, lastUserMessage, messages, model, path, route, stream, systemMessage, toolCallId, toolResult, tools, turn");
        mock.bare().get("/__admin/scenarios").then().statusCode(200).body("scenarios", hasSize(0));
        mock.authed().body(body("")).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", org.hamcrest.Matchers.not(equalTo("scripted")));
    }

    static Stream<Arguments> badFaults() {
        return Stream.of(
                // unknown members (also the wire's snake_case spelling, and members of another type)
                arguments("{\"type\":\"latency\",\"firstTokenMS\":5}", "firstTokenMS", "known: firstTokenMs, interTokenMs"),
                arguments("{\"type\":\"latency\",\"first_token_ms\":5}", "first_token_ms", "known: firstTokenMs"),
                arguments("{\"type\":\"drop_done\",\"afterChunks\":1}", "afterChunks", "known: none"),
                arguments("{\"type\":\"http_error\",\"times\":1,\"retry_after\":2}", "retry_after", "retryAfterSeconds"),
                // wrong JSON types
                arguments("{\"type\":\"http_error\",\"status\":\"429\"}", "status", "must be an integer, got a string \"429\""),
                arguments("{\"type\":\"http_error\",\"message\":5}", "message", "must be a string, got an integer 5"),
                arguments("{\"type\":\"http_error\",\"retryAfterSeconds\":true}", "retryAfterSeconds", "must be an integer"),
                arguments("{\"type\":\"disconnect\",\"afterChunks\":1.5}", "afterChunks", "must be an integer, got a number 1.5"),
                arguments("{\"type\":\"stream_error\",\"message\":{\"text\":\"x\"}}", "message", "must be a string, got an object"),
                arguments("{\"type\":\"malformed_chunk\",\"chunk\":[1]}", "chunk", "must be an integer, got an array"),
                arguments("{\"type\":\"latency\",\"interTokenMs\":99999999999}", "interTokenMs",
                        "must be an integer of at most 32 bits, got an integer 99999999999"),
                arguments("{\"type\":\"latency\",\"type\":\"drop_done\"}", "type", "given twice"),
                arguments("{\"type\":\"skip_validation\",\"times\":\"2\"}", "times", "must be an integer, got a string"),
                arguments("{\"type\":\"mixed_ids\",\"times\":0.5}", "times", "must be an integer"),
                // out of range
                arguments("{\"type\":\"http_error\",\"status\":99}", "status", "[400, 599], got 99"),
                arguments("{\"type\":\"http_error\",\"status\":600}", "status", "[400, 599], got 600"),
                arguments("{\"type\":\"http_error\",\"retryAfterSeconds\":-1}", "retryAfterSeconds", "[0, 86400]"),
                arguments("{\"type\":\"latency\",\"firstTokenMs\":600001}", "firstTokenMs", "[0, 600000]"),
                arguments("{\"type\":\"latency\",\"interTokenMs\":-1}", "interTokenMs", "[0, 60000]"),
                arguments("{\"type\":\"disconnect\",\"afterChunks\":-1}", "afterChunks", "[0, 1000000]"),
                arguments("{\"type\":\"stream_error\",\"afterChunks\":1000001}", "afterChunks", "[0, 1000000]"),
                arguments("{\"type\":\"wrong_usage_total\",\"delta\":-1000001}", "delta", "[-1000000, 1000000]"),
                arguments("{\"type\":\"malformed_chunk\",\"chunk\":0}", "chunk", "[1, 1000000]"),
                arguments("{\"type\":\"missing_role\",\"times\":0}", "times", "must be an integer >= 1, got 0"),
                // the type itself
                arguments("{\"type\":\"explode\"}", "type", "unknown fault type 'explode'; one of http_error, latency"),
                arguments("{\"status\":503}", "type", "required; one of http_error"),
                arguments("{\"type\":5}", "type", "unknown fault type '5'"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("badFaults")
    void badFaultBodiesAreRefusedNamingTheMember(String json, String member, String fragment) {
        refused("/faults", json, member, fragment);
        mock.bare().get("/__admin/faults").then().body("faults", hasSize(0));
    }

    static Stream<Arguments> badScenarios() {
        String reply = "\"reply\":{\"content\":\"x\"}";
        return Stream.of(
                // unknown members at each level
                arguments("{" + reply + ",\"matches\":{}}", "matches", "known: match, name, priority, reply, sequence, times"),
                arguments("{\"match\":{\"contains\":\"a\",\"Model\":\"m\"}," + reply + "}", "match.Model", "known: body, contains, headers, lastUserMessage, messages, model, path, route, stream, systemMessage, toolCallId, toolResult, tools, turn"),
                arguments("{\"reply\":{\"text\":\"x\"}}", "reply.text", "known: content, error, faults, finishReason, logprobs, reasoning, timing, toolCalls, usage"),
                arguments("{\"reply\":{\"toolCalls\":[{\"name\":\"f\",\"args\":{}}]}}", "reply.toolCalls[0].args", "known: arguments, name"),
                arguments("{\"reply\":{\"tool_calls\":[]}}", "reply.tool_calls", "known: content, error, faults, finishReason, logprobs, reasoning, timing, toolCalls, usage"),
                arguments("{\"reply\":{\"toolCalls\":[{\"name\":\"a\",\"name\":\"b\"}]}}", "reply.toolCalls[0].name", "given twice"),
                // wrong JSON types
                arguments("{\"match\":{\"contains\":5}," + reply + "}", "match.contains", "must be a string, got an integer 5"),
                arguments("{\"match\":[]," + reply + "}", "match", "must be an object, got an array"),
                arguments("{\"reply\":\"It is sunny.\"}", "reply", "must be an object, got a string"),
                arguments("{\"reply\":{\"content\":true}}", "reply.content", "must be a string, got a boolean true"),
                arguments("{\"reply\":{\"toolCalls\":{\"name\":\"f\"}}}", "reply.toolCalls", "must be an array, got an object"),
                arguments("{\"reply\":{\"toolCalls\":[{\"name\":7}]}}", "reply.toolCalls[0].name", "must be a string"),
                arguments("{" + reply + ",\"times\":\"1\"}", "times", "must be an integer, got a string"),
                // missing or out of range
                arguments("{\"match\":{\"contains\":\"a\"}}", "reply", "required"),
                arguments("{\"reply\":{}}", "reply.content", "required (a string) unless 'toolCalls' lists a call or 'error' answers"),
                arguments("{\"reply\":{\"toolCalls\":[{}]}}", "reply.toolCalls[0].name", "required"),
                arguments("{\"reply\":{\"toolCalls\":[null]}}", "reply.toolCalls[0]", "must be an object with a 'name'"),
                arguments("{" + reply + ",\"times\":0}", "times", "must be an integer >= 1, got 0"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("badScenarios")
    void badScenarioBodiesAreRefusedNamingTheMember(String json, String member, String fragment) {
        refused("/scenarios", json, member, fragment);
        mock.bare().get("/__admin/scenarios").then().body("scenarios", hasSize(0));
    }

    @Test
    void bodiesThatAreNoJsonObjectAreRefused() {
        for (String path : List.of("/faults", "/scenarios")) {
            post(path, "not json").statusCode(400).body("message", containsString("invalid JSON"));
            post(path, "[1]").statusCode(400).body("message", equalTo("the body must be a JSON object, got an array"));
            post(path, "{\"type\":\"drop_done\"} {}").statusCode(400).body("message", containsString("invalid JSON"));
        }
    }

    @Test
    void operationsWithoutABodyRefuseMembersButAcceptNothingOrAnEmptyObject() {
        for (String[] op : new String[][] {{"POST", "/reset"}, {"DELETE", "/journal"}, {"DELETE", "/faults"},
                {"DELETE", "/scenarios"}}) {
            mock.bare().contentType("application/json").body("[]").request(op[0], "/__admin" + op[1])
                    .then().statusCode(400).body("message", containsString("must be a JSON object"));
            mock.bare().contentType("application/json").body("{\"all\":true}").request(op[0], "/__admin" + op[1])
                    .then().statusCode(400).body("error.param", equalTo("all"))
                    .body("message", equalTo("all: no such member here; known: none"));
            mock.bare().contentType("application/json").body("{}").request(op[0], "/__admin" + op[1])
                    .then().statusCode(204);
            mock.bare().contentType("application/json").request(op[0], "/__admin" + op[1]).then().statusCode(204);
        }
    }

    @Test
    void bodiesOverTheLimitAre413() {
        try (TestServer small = new TestServer(io.friendlikit.mock.MockServer.builder().maxBodyBytes(64))) {
            small.bare().contentType("application/json")
                    .body("{\"reply\":{\"content\":\"" + "x".repeat(100) + "\"}}").post("/__admin/scenarios").then()
                    .statusCode(413).body("error.code", equalTo("payload_too_large"));
            assertThat(small.server().scenarios().list()).isEmpty();
        }
    }

    @Test
    void journalFiltersAreCheckedByNameAndType() {
        mock.bare().get("/__admin/journal?stauts=422").then().statusCode(400).body("error.param", equalTo("stauts"))
                .body("message", equalTo("stauts: no such member here; known: status, path, session, last"));
        mock.bare().get("/__admin/journal?status=abc").then().statusCode(400).body("error.param", equalTo("status"))
                .body("message", containsString("status: must be an HTTP status"));
        mock.bare().get("/__admin/journal?status=99").then().statusCode(400).body("error.param", equalTo("status"));
        mock.bare().get("/__admin/journal?last=-1").then().statusCode(400).body("error.param", equalTo("last"))
                .body("message", containsString("last: must be a non-negative integer"));
        mock.bare().get("/__admin/journal?status=200&last=0").then().statusCode(200).body("entries", hasSize(0));
    }

    @Test
    void operationsRefuseQueryParametersTheyDoNotRead() {
        for (String path : List.of("/health", "/faults", "/scenarios")) {
            mock.bare().get("/__admin" + path + "?type=latency").then().statusCode(400)
                    .body("error.param", equalTo("type"))
                    .body("message", equalTo("type: no such member here; known: none"));
        }
        mock.bare().contentType("application/json").post("/__admin/reset?all=true").then().statusCode(400).body("error.param", equalTo("all"));
        post("/faults?times=2", "{\"type\":\"drop_done\"}").statusCode(400).body("error.param", equalTo("times"));
        mock.bare().get("/__admin/faults").then().body("faults", hasSize(0));
    }

    @Test
    void wrongMethodOnAnAdminPathIs405WithAllow() {
        mock.bare().put("/__admin/faults").then().statusCode(405).header("Allow", "GET, POST, DELETE");
        mock.bare().post("/__admin/health").then().statusCode(405).header("Allow", "GET");
    }

    @Test
    void healthCountsOpenStreams() {
        mock.bare().get("/__admin/health").then().statusCode(200).body("status", equalTo("ok"))
                .body("openStreams", equalTo(0));
    }

    @Test
    void faultListShowsParametersDefaultsAndUsesLeft() {
        fault("{\"type\":\"http_error\",\"status\":500,\"times\":2}");
        fault("{\"type\":\"stream_error\"}");
        mock.bare().get("/__admin/faults").then().statusCode(200)
                .body("faults[0].id", org.hamcrest.Matchers.matchesPattern("fault-[0-9]+"))
                .body("faults[0].type", equalTo("http_error"))
                .body("faults[0].status", equalTo(500)).body("faults[0].message", equalTo("injected fault: HTTP error"))
                .body("faults[0].times", equalTo(2)).body("faults[0].retryAfterSeconds", nullValue())
                .body("faults[1].type", equalTo("stream_error")).body("faults[1].afterChunks", equalTo(1))
                .body("faults[1].times", nullValue());
        mock.authed().body(body("")).post(CHAT).then().statusCode(500);
        mock.bare().get("/__admin/faults").then().body("faults[0].times", equalTo(1));
        mock.authed().body(body("")).post(CHAT).then().statusCode(500);
        mock.bare().get("/__admin/faults").then().body("faults", hasSize(1)).body("faults[0].type", equalTo("stream_error"));
    }

    @Test
    void scenarioListShowsWhatWasAdded() {
        String id = post("/scenarios", "{\"match\":{\"model\":\"" + TestServer.MODEL + "\"},"
                + "\"reply\":{\"toolCalls\":[{\"name\":\"f\"}]},\"times\":3}").statusCode(201)
                .body("id", org.hamcrest.Matchers.matchesPattern("scenario-[0-9]+")).extract().path("id");
        mock.bare().get("/__admin/scenarios").then().statusCode(200)
                .body("scenarios", hasSize(1)).body("scenarios[0].id", equalTo(id))
                .body("scenarios[0].match.model", equalTo(TestServer.MODEL))
                .body("scenarios[0].match.contains", nullValue())
                .body("scenarios[0].reply.toolCalls[0].name", equalTo("f"))
                .body("scenarios[0].reply.toolCalls[0].arguments", equalTo(java.util.Map.of()))
                .body("scenarios[0].times", equalTo(3));
    }

    @Test
    void registriesHoldAtMostTenThousandEntries() {
        io.friendlikit.mock.MockServer server = mock.server();
        for (int i = 0; i < io.friendlikit.mock.script.CappedRegistry.CAPACITY; i++) {
            server.faults().add(new io.friendlikit.mock.script.Fault.DropDone(), null);
            server.scenarios().add(new io.friendlikit.mock.script.Scenario("never-" + i, null,
                    new io.friendlikit.mock.generation.CannedReply("x", List.of())), null);
        }
        post("/faults", "{\"type\":\"drop_done\"}").statusCode(400)
                .body("message", equalTo("at most 10000 faults may be active; DELETE some first"));
        post("/scenarios", "{\"reply\":{\"content\":\"x\"}}").statusCode(400)
                .body("message", equalTo("at most 10000 scenarios may be active; DELETE some first"));
        mock.bare().delete("/__admin/faults").then().statusCode(204);
        post("/faults", "{\"type\":\"drop_done\"}").statusCode(201);
    }
}
