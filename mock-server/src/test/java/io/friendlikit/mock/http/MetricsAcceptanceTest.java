package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.metrics.MockMetrics;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /__admin/metrics} against real requests: each chat request counted once under its route, status and
 * model, its violations and faults, its tokens, its time to first byte and its stream's duration. Counters only
 * grow, so every test compares a reading before and after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAcceptanceTest {

    private static final String DEDICATED_CHAT = "/dedicated/v1/chat/completions";

    private TestServer mock;
    private MockMetrics metrics;

    @BeforeAll
    void start() {
        mock = TestServer.start();
        metrics = mock.server().metrics();
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
    }

    private String scrape() {
        return mock.bare().get("/__admin/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample line of the text format, 0 when the series does not exist yet. */
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void await(DoubleSupplier value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (value.getAsDouble() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(value.getAsDouble()).isEqualTo(expected);
    }

    @Test
    void answersThePrometheusTextFormat() {
        mock.bare().get("/__admin/metrics").then().statusCode(200)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .body(containsString("# TYPE friendli_mock_streams_open gauge"))
                .body(containsString("# TYPE friendli_mock_time_to_first_token_seconds histogram"))
                .body(containsString("# TYPE friendli_mock_stream_duration_seconds histogram"));
    }

    @Test
    void aRefusedRequestCountsUnderItsStatusAndEachBrokenRule() {
        String requests = "friendli_mock_requests_total{model=\"" + MODEL + "\",route=\"" + CHAT
                + "\",status=\"422\",stream=\"false\"}";
        String before = scrape();
        mock.authed().body(body("\"top_p\":0,\"temperature\":-1")).post(CHAT).then().statusCode(422);
        String after = scrape();

        assertThat(sample(after, requests) - sample(before, requests)).isEqualTo(1);
        String range = "friendli_mock_violations_total{rule=\"VAL-RANGE\"}";
        assertThat(sample(after, range) - sample(before, range)).isEqualTo(2);
    }

    @Test
    void aModelOutsideTheCatalogueIsCountedAsUnknown() {
        double before = metrics.count(MockMetrics.REQUESTS, "model", "unknown", "status", "404");
        mock.authed().body("{\"model\":\"no-such/model-4711\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post(CHAT).then().statusCode(404);

        assertThat(metrics.count(MockMetrics.REQUESTS, "model", "unknown", "status", "404")).isEqualTo(before + 1);
        assertThat(scrape()).doesNotContain("model-4711");
    }

    @Test
    void aDedicatedEndpointIsCountedUnderItsIdAndRoute() {
        double before = metrics.count(MockMetrics.REQUESTS, "route", DEDICATED_CHAT, "model", "dep0mockendpt01",
                "status", "200");
        mock.authed().body("{\"model\":\"dep0mockendpt01\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .post(DEDICATED_CHAT).then().statusCode(200);

        assertThat(metrics.count(MockMetrics.REQUESTS, "route", DEDICATED_CHAT, "model", "dep0mockendpt01",
                "status", "200")).isEqualTo(before + 1);
    }

    @Test
    void aPlainAnswerCountsTheTokensItsUsageReportsAndItsFirstByte() {
        double prompt = metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "prompt");
        double completion = metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "completion");
        double firstBytes = metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "false");

        Response answer = mock.authed().body(body("\"seed\":3,\"n\":2")).post(CHAT);
        answer.then().statusCode(200);

        int usedPrompt = answer.path("usage.prompt_tokens");
        int usedCompletion = answer.path("usage.completion_tokens");
        assertThat(usedCompletion).isPositive();
        assertThat(metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "prompt") - prompt).isEqualTo(usedPrompt);
        assertThat(metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "completion") - completion)
                .isEqualTo(usedCompletion);
        assertThat(metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "false")).isEqualTo(firstBytes + 1);
    }

    @Test
    void aDelayedStreamIsTimedAndItsFaultCounted() throws Exception {
        mock.bare().contentType("application/json").body("{\"type\":\"latency\",\"firstTokenMs\":150,"
                + "\"interTokenMs\":10,\"times\":1}").post("/__admin/faults").then().statusCode(201);
        var ttft = metrics.registry().find(MockMetrics.TIME_TO_FIRST_TOKEN).tag("stream", "true");
        double ttftCount = metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "true");
        double ttftSeconds = ttft.timer() == null ? 0 : ttft.timer().totalTime(TimeUnit.SECONDS);
        double durations = metrics.count(MockMetrics.STREAM_DURATION);
        double latencyFaults = metrics.count(MockMetrics.FAULTS, "type", "latency");

        String stream = mock.rawPost(CHAT, body("\"stream\":true,\"max_tokens\":5,\"min_tokens\":5")).body();
        assertThat(stream).endsWith("data: [DONE]\n\n");

        assertThat(metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "true")).isEqualTo(ttftCount + 1);
        assertThat(metrics.registry().get(MockMetrics.TIME_TO_FIRST_TOKEN).tag("stream", "true").timer()
                .totalTime(TimeUnit.SECONDS) - ttftSeconds).isGreaterThanOrEqualTo(0.15);
        assertThat(metrics.count(MockMetrics.FAULTS, "type", "latency")).isEqualTo(latencyFaults + 1);
        // the end is noted when the server has finished the exchange, a moment after the client saw [DONE]
        await(() -> metrics.count(MockMetrics.STREAM_DURATION), durations + 1);
        assertThat(metrics.count(MockMetrics.REQUESTS, "stream", "true", "status", "200")).isPositive();
    }

    @Test
    void openStreamsRiseWhileAStreamIsWrittenAndFallWhenItsClientLeaves() throws Exception {
        MockServer server = mock.server();
        mock.bare().contentType("application/json").body("{\"type\":\"latency\",\"interTokenMs\":200,\"times\":1}")
                .post("/__admin/faults").then().statusCode(201);
        double durations = metrics.count(MockMetrics.STREAM_DURATION);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + CHAT))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer t")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("\"stream\":true,\"max_tokens\":50,\"min_tokens\":50")))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            assertThat(in.read(new byte[64])).as("the stream started").isPositive();
            assertThat(sample(scrape(), "friendli_mock_streams_open")).isEqualTo(1);
        }
        // 50 tokens at 200 ms would take 10 s; the mock sees the client gone at its next write
        await(() -> sample(scrape(), "friendli_mock_streams_open"), 0);
        await(() -> metrics.count(MockMetrics.STREAM_DURATION), durations + 1);
    }

    @Test
    void resetLeavesTheMetricsAlone() {
        mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        double counted = metrics.count(MockMetrics.REQUESTS);
        assertThat(counted).isPositive();

        mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);

        assertThat(metrics.count(MockMetrics.REQUESTS)).isEqualTo(counted);
        mock.bare().get("/__admin/journal").then().body("entries.size()", equalTo(0));
    }

    @Test
    void badMetricsRequestsGetTheErrorEnvelope() {
        mock.bare().get("/__admin/metrics?format=json").then().statusCode(400)
                .body("error.code", equalTo("invalid_admin_request")).body("error.param", equalTo("format"));
        mock.bare().post("/__admin/metrics").then().statusCode(405).header("Allow", "GET");
    }
}
