package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.engine.Mappers;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The reply members {@code logprobs} (the content tokens' logprobs) and {@code timing} (the delays of the answer) over
 * HTTP: as given in plain and streamed answers, refused with the member named when bad, listed back as written.
 * Timing is asserted from below only (an answer is never early), never from above.
 */
class ScriptedRepliesAcceptanceTest {

    private static final String TEXT = "Paris is lovely in the spring, they say.";
    private static TestServer mock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        mock = TestServer.start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
    }

    private static ValidatableResponse addScenario(String json) {
        return mock.bare().contentType("application/json").body(json).post("/__admin/scenarios").then();
    }

    private static JsonNode json(String text) {
        try {
            return Mappers.wire().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The logprobs.content entries of choice 0 of a stream, in order. */
    private static List<JsonNode> streamedLogprobs(String sse) {
        List<JsonNode> out = new ArrayList<>();
        for (String payload : SseFrames.payloads(sse)) {
            if (!payload.equals("[DONE]")) {
                json(payload).path("choices").path(0).path("logprobs").path("content").forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void scriptedLogprobsAppearAsGivenInPlainAndStreamedAnswersAndTheLastRepeats() {
        addScenario("{\"reply\":{\"content\":\"" + TEXT + "\",\"logprobs\":[-0.1,-0.25,-2,0,-7.5]}}")
                .statusCode(201);
        String ask = body("\"logprobs\":true,\"top_logprobs\":3,\"seed\":5");
        JsonNode plain = json(mock.rawPost(CHAT, ask).body());
        JsonNode content = plain.path("choices").path(0).path("logprobs").path("content");
        assertThat(content.size()).as("content tokens of %s", TEXT).isGreaterThan(5);
        List<Double> values = new ArrayList<>();
        content.forEach(e -> values.add(e.path("logprob").asDouble()));
        assertThat(values.subList(0, 5)).containsExactly(-0.1, -0.25, -2.0, 0.0, -7.5);
        assertThat(values.subList(5, values.size())).containsOnly(-7.5);
        for (JsonNode entry : content) {
            JsonNode top = entry.path("top_logprobs");
            assertThat(top.size()).isEqualTo(3);
            List<String> tokens = new ArrayList<>();
            for (int k = 0; k < top.size(); k++) {
                tokens.add(top.get(k).path("token").asText());
                if (k > 0) {
                    assertThat(top.get(k).path("logprob").asDouble()).as("sorted: %s", top)
                            .isLessThanOrEqualTo(top.get(k - 1).path("logprob").asDouble());
                }
            }
            assertThat(tokens).contains(entry.path("token").asText());
        }

        String stream = ask.replaceFirst("\\}$", ",\"stream\":true}");
        assertThat(streamedLogprobs(mock.rawPost(CHAT, stream).body()))
                .as("streamed logprobs equal the plain ones").containsExactlyElementsOf(content::elements);
    }

    @Test
    void scriptedLogprobsAreIgnoredWithoutLogprobsTrue() {
        addScenario("{\"reply\":{\"content\":\"" + TEXT + "\",\"logprobs\":[-3]}}").statusCode(201);
        for (String extra : new String[] {"", "\"logprobs\":false", "\"top_logprobs\":null"}) {
            JsonNode plain = json(mock.rawPost(CHAT, body(extra)).body());
            assertThat(plain.path("choices").path(0).path("message").path("content").asText()).isEqualTo(TEXT);
            assertThat(plain.path("choices").path(0).path("logprobs").isNull()).as(extra).isTrue();
        }
        JsonNode asked = json(mock.rawPost(CHAT, body("\"logprobs\":true")).body());
        assertThat(asked.path("choices").path(0).path("logprobs").path("content").path(0).path("logprob").asDouble())
                .isEqualTo(-3.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "positive         | {\"reply\":{\"content\":\"x\",\"logprobs\":[-1,0,-0.5,0.25]}}            | reply.logprobs[3] | must be a finite number <= 0, got 0.25",
            "infinite         | {\"reply\":{\"content\":\"x\",\"logprobs\":[-1e400]}}                    | reply.logprobs[0] | must be a finite number <= 0, got -Infinity",
            "null             | {\"reply\":{\"content\":\"x\",\"logprobs\":[-1,null]}}                   | reply.logprobs[1] | must be a finite number <= 0, got null",
            "a string         | {\"reply\":{\"content\":\"x\",\"logprobs\":[-1,-2,\"-3\"]}}              | reply.logprobs[2] | must be a number, got a string",
            "empty            | {\"reply\":{\"content\":\"x\",\"logprobs\":[]}}                          | reply.logprobs    | must list 1 to 100000 numbers, got 0",
            "not an array     | {\"reply\":{\"content\":\"x\",\"logprobs\":-1}}                          | reply.logprobs    | must be an array, got an integer -1",
            "in a sequence    | {\"sequence\":[{\"content\":\"a\"},{\"content\":\"b\",\"logprobs\":[-1,1]}]} | sequence[1].logprobs[1] | must be a finite number <= 0, got 1.0",
            "no content       | {\"reply\":{\"toolCalls\":[{\"name\":\"f\"}],\"logprobs\":[-1]}}         | reply.logprobs    | only with 'content'",
            "beside an error  | {\"reply\":{\"error\":{\"status\":500},\"logprobs\":[-1]}}               | reply.logprobs    | not with 'error'"})
    void badLogprobsAreRefusedNamingTheMember(String name, String scenario, String member, String rule) {
        addScenario(scenario).statusCode(400).body("error.param", equalTo(member))
                .body("message", startsWith(member + ": ")).body("message", containsString(rule));
        mock.bare().get("/__admin/scenarios").then().body("scenarios", org.hamcrest.Matchers.hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown member    | {\"firstTokenMS\":300}         | reply.timing.firstTokenMS | no such member here; known: firstTokenMs, interTokenMs, jitterMs, promptTokenMs",
            "negative          | {\"firstTokenMs\":-1}          | reply.timing.firstTokenMs | must be an integer in [0, 600000], got -1",
            "fractional        | {\"firstTokenMs\":1.5}         | reply.timing.firstTokenMs | must be an integer, got a number 1.5",
            "too large         | {\"interTokenMs\":60001}       | reply.timing.interTokenMs | must be an integer in [0, 60000], got 60001",
            "beyond 32 bits    | {\"interTokenMs\":99999999999} | reply.timing.interTokenMs | at most 32 bits",
            "negative prefill  | {\"promptTokenMs\":-0.5}       | reply.timing.promptTokenMs | must be a number in [0, 1000], got -0.5",
            "infinite jitter   | {\"jitterMs\":1e400}           | reply.timing.jitterMs     | must be a number in [0, 60000], got Infinity",
            "a string          | {\"jitterMs\":\"5\"}           | reply.timing.jitterMs     | must be a number, got a string",
            "not an object     | 300                            | reply.timing              | must be an object, got an integer 300"})
    void badTimingIsRefusedNamingTheMember(String name, String timing, String member, String rule) {
        addScenario("{\"reply\":{\"content\":\"x\",\"timing\":" + timing + "}}").statusCode(400)
                .body("error.param", equalTo(member)).body("message", startsWith(member + ": "))
                .body("message", containsString(rule));
    }

    @Test
    void timingBesideAnErrorIsRefused() {
        addScenario("{\"reply\":{\"error\":{\"status\":503},\"timing\":{\"firstTokenMs\":10}}}").statusCode(400)
                .body("error.param", equalTo("reply.timing")).body("message", containsString("not with 'error'"));
    }

    /** Milliseconds from sending the request until the first byte of the answer's body arrives. */
    private long msToFirstByte(String requestBody) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mock.server().baseUri() + CHAT))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody)).build();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            assertThat(in.read()).as("a first byte").isNotNegative();
            long first = System.nanoTime();
            in.readAllBytes();
            assertThat(response.statusCode()).isEqualTo(200);
            return TimeUnit.NANOSECONDS.toMillis(first - sent);
        }
    }

    @Test
    void aScenariosFirstTokenDelayHoldsThePlainAndTheStreamedAnswer() throws Exception {
        addScenario("{\"match\":{\"lastUserMessage\":\"slow\"},\"reply\":{\"content\":\"At last.\","
                + "\"timing\":{\"firstTokenMs\":300}}}").statusCode(201);
        String slow = "{\"model\":\"" + TestServer.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"be slow\"}]";
        assertThat(msToFirstByte(slow + "}")).as("plain, the server's own model being off")
                .isGreaterThanOrEqualTo(300);
        assertThat(msToFirstByte(slow + ",\"stream\":true}")).as("streamed").isGreaterThanOrEqualTo(300);
    }

    @Test
    void aScenariosInterTokenDelaySpacesTheChunks() {
        addScenario("{\"reply\":{\"content\":\"one two three four five six\",\"timing\":{\"interTokenMs\":60}}}")
                .statusCode(201);
        long start = System.nanoTime();
        HttpResponse<String> streamed = mock.rawPost(CHAT, body("\"stream\":true"));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int contentChunks = 0;
        for (String payload : SseFrames.payloads(streamed.body())) {
            if (!payload.equals("[DONE]")
                    && !json(payload).path("choices").path(0).path("delta").path("content").asText("").isEmpty()) {
                contentChunks++;
            }
        }
        assertThat(contentChunks).isGreaterThanOrEqualTo(6);
        assertThat(elapsedMs).as("%d content chunks 60 ms apart", contentChunks)
                .isGreaterThanOrEqualTo(60L * contentChunks);
    }

    @Test
    void bothAreListedBackAsWritten() {
        addScenario("{\"name\":\"scripted\",\"reply\":{\"content\":\"x\",\"logprobs\":[-0.5,-1.25],"
                + "\"timing\":{\"firstTokenMs\":20,\"promptTokenMs\":0.5,\"interTokenMs\":5,\"jitterMs\":1.5}}}")
                .statusCode(201);
        addScenario("{\"reply\":{\"content\":\"y\",\"timing\":{}}}").statusCode(201);
        JsonNode listed = json(mock.bare().get("/__admin/scenarios").then().statusCode(200).extract().asString());
        JsonNode reply = listed.path("scenarios").path(0).path("reply");
        assertThat(reply.path("logprobs")).isEqualTo(((ArrayNode) json("[-0.5,-1.25]")));
        assertThat(reply.path("timing")).isEqualTo(
                json("{\"firstTokenMs\":20,\"promptTokenMs\":0.5,\"interTokenMs\":5,\"jitterMs\":1.5}"));
        assertThat(listed.path("scenarios").path(1).path("reply").path("timing")).isEqualTo(json("{}"));
        assertThat(listed.path("scenarios").path(1).path("reply").has("logprobs")).isFalse();
    }

    @Test
    void aReplyWithoutEitherKeepsDrawnLogprobsAndTheServersTiming() {
        addScenario("{\"reply\":{\"content\":\"" + TEXT + "\"}}").statusCode(201);
        JsonNode content = json(mock.rawPost(CHAT, body("\"logprobs\":true,\"seed\":5")).body())
                .path("choices").path(0).path("logprobs").path("content");
        List<Double> values = new ArrayList<>();
        content.forEach(e -> values.add(e.path("logprob").asDouble()));
        assertThat(values).hasSizeGreaterThan(5).allSatisfy(v -> assertThat(v).isLessThan(0.0));
        assertThat(values.stream().distinct().count()).as("drawn values differ: %s", values).isGreaterThan(1);
        JsonNode listed = json(mock.bare().get("/__admin/scenarios").then().extract().asString());
        assertThat(listed.path("scenarios").path(0).path("reply").has("logprobs")).isFalse();
        assertThat(listed.path("scenarios").path(0).path("reply").has("timing")).isFalse();
    }
}
