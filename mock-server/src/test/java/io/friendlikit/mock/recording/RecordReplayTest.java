package io.friendlikit.mock.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record and replay with the mock itself as the upstream: the recorder relays the upstream's answers unchanged and
 * writes one redacted file per exchange; a mock serving those files replays plain bodies byte for byte and streams
 * event for event, and names the closest recording for a request none matches.
 */
class RecordReplayTest {

    private static final String CHAT = TestServer.CHAT;
    private static final String SECRET = "flp_secret-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<MockServer> started = new ArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        started.forEach(MockServer::close);
    }

    private MockServer start(MockServer.Builder builder) {
        MockServer s = builder.port(0).host("127.0.0.1").log(log::add).build().start();
        started.add(s);
        return s;
    }

    private MockServer upstream() {
        return start(MockServer.builder().seed(11).clock(io.friendlikit.mock.config.MockConfig.fixedClock(1_700_000_000))
                .pacing(0, 3));
    }

    private MockServer recorder(MockServer upstream) {
        return start(MockServer.builder().config(c -> c.set(Setting.RECORD_TO, dir.toString())
                .set(Setting.UPSTREAM, upstream.baseUri().toString())));
    }

    private MockServer replayer(double speed, String miss) {
        return start(MockServer.builder().fixtures(dir).config(c -> c.set(Setting.REPLAY_SPEED, speed)
                .set(Setting.REPLAY_MISS, miss)));
    }

    private HttpResponse<String> post(MockServer server, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + CHAT)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String content, String extra) {
        return "{\"model\":\"" + TestServer.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content
                + "\"}]" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String withoutId(String body) {
        return body.replaceFirst("\"id\":\"chatcmpl-[0-9a-f]+\"", "\"id\":\"…\"");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void recordsEachExchangeRedactedAndReplaysItExactly() throws Exception {
        MockServer upstream = upstream();
        MockServer recorder = recorder(upstream);
        String plainBody = body("Hello there, my key is " + SECRET, "\"max_tokens\":12");
        String streamBody = body("Tell me a story", "\"stream\":true,\"max_tokens\":8");
        String badBody = body("Too few", "\"max_tokens\":-1");

        HttpResponse<String> direct = post(upstream, plainBody);
        HttpResponse<String> plain = post(recorder, plainBody);
        HttpResponse<String> stream = post(recorder, streamBody);
        HttpResponse<String> bad = post(recorder, badBody);

        // the recorder relays the upstream's answer unchanged (the upstream numbers its ids, so they differ)
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(withoutId(plain.body())).isEqualTo(withoutId(direct.body()));
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/event-stream"));
        assertThat(stream.body()).contains("[DONE]");
        assertThat(bad.statusCode()).isEqualTo(422);

        List<Path> files = files();
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "0001-meta-llama-3.1-8b-instruct-plain.json", "0002-meta-llama-3.1-8b-instruct-stream.json",
                "0003-meta-llama-3.1-8b-instruct-plain.json");
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(text).as(f + " never holds the token").doesNotContain(SECRET);
            assertThat(text).endsWith("}\n");
            JsonNode tree = JSON.readTree(text);
            assertThat(tree.at("/request/headers/authorization").asText()).isEqualTo("Bearer <redacted>");
            assertThat(tree.at("/recording").asInt()).isEqualTo(1);
            assertThat(tree.at("/upstream").asText()).isEqualTo(upstream.baseUri().toString());
            // a file reads back to the same bytes: one layout
            assertThat(new String(Recording.read(text.getBytes(StandardCharsets.UTF_8)).toBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(text);
        }
        JsonNode recordedStream = JSON.readTree(files.get(1).toFile());
        assertThat(recordedStream.at("/response/done").asBoolean()).isTrue();
        assertThat(recordedStream.at("/response/events").size()).isGreaterThan(2);
        assertThat(JSON.readTree(files.get(0).toFile()).at("/request/body/messages/0/content").asText())
                .isEqualTo("Hello there, my key is <redacted>");
        assertThat(log).anyMatch(l -> l.startsWith("record: 0002-") && l.contains("+ [DONE]"));

        upstream.close();
        MockServer replay = replayer(0, "emulate");
        assertThat(replay.recordingsLoaded()).isEqualTo(3);
        HttpResponse<String> plainAgain = post(replay, plainBody);
        HttpResponse<String> streamAgain = post(replay, streamBody);
        HttpResponse<String> badAgain = post(replay, badBody);
        assertThat(plainAgain.statusCode()).isEqualTo(200);
        assertThat(plainAgain.body()).as("the token in the recorded request was redacted, but the answer is the "
                + "upstream's, byte for byte").isEqualTo(plain.body());
        assertThat(streamAgain.body()).as("the stream replays event for event").isEqualTo(stream.body());
        assertThat(badAgain.statusCode()).isEqualTo(422);
        assertThat(badAgain.body()).isEqualTo(bad.body());
        assertThat(badAgain.headers().firstValue("content-type")).isEqualTo(bad.headers().firstValue("content-type"));
    }

    @Test
    void anUnmatchedRequestIsEmulatedOrAnswered404NamingTheClosestRecording() throws Exception {
        MockServer upstream = upstream();
        post(recorder(upstream), body("Hello there", "\"temperature\":0.5"));
        upstream.close();

        HttpResponse<String> emulated = post(replayer(0, "emulate"), body("Something else", ""));
        assertThat(emulated.statusCode()).isEqualTo(200);

        MockServer strict = replayer(0, "404");
        HttpResponse<String> miss = post(strict, body("Hello there", "\"temperature\":0.7"));
        assertThat(miss.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(miss.body());
        assertThat(error.at("/error/code").asText()).isEqualTo("no_recording");
        assertThat(error.at("/error/message").asText())
                .contains("closest: 0001-meta-llama-3.1-8b-instruct-plain.json (differs in temperature)");
        assertThat(post(strict, body("Hello there", "\"temperature\":0.50")).statusCode())
                .as("numbers compare by value").isEqualTo(200);
    }

    @Test
    void aRequestNamingItsScenarioSkipsReplay() throws Exception {
        MockServer upstream = upstream();
        String body = body("Hello there", "");
        String recorded = post(recorder(upstream), body).body();
        upstream.close();
        MockServer replay = replayer(0, "404");
        assertThat(post(replay, body).body()).isEqualTo(recorded);
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(replay.baseUri()
                        + "/__admin/scenarios")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reply\":{\"content\":\"From the scenario.\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(201);
        String id = JSON.readTree(added.body()).path("id").asText();
        HttpResponse<String> named = http.send(HttpRequest.newBuilder(URI.create(replay.baseUri() + CHAT))
                .header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/json")
                .header("X-Mock-Scenario", id).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(named.body()).at("/choices/0/message/content").asText())
                .isEqualTo("From the scenario.");
    }

    @Test
    void theSameRequestRecordedTwiceReplaysInOrderAndTheLastRepeats() throws Exception {
        MockServer upstream = upstream();
        MockServer recorder = recorder(upstream);
        String body = body("Count", "");
        String first = post(recorder, body).body();
        String second = post(recorder, body("Count", "\"seed\":5")).body();
        upstream.close();
        // make the second recording answer the same request as the first
        Path two = files().get(1);
        Files.writeString(two, Files.readString(two).replace("\"seed\" : 5,", "").replace(",\n      \"seed\" : 5", ""));
        MockServer replay = replayer(0, "404");
        assertThat(post(replay, body).body()).isEqualTo(first);
        assertThat(post(replay, body).body()).isEqualTo(second);
        assertThat(post(replay, body).body()).isEqualTo(second);
    }

    @Test
    void replayKeepsTheRecordedTimingScaledBySpeed() throws Exception {
        Path file = dir.resolve("0001-slow-stream.json");
        Files.writeString(file, """
                {"recording": 1, "request": {"method": "POST", "path": "/serverless/v1/chat/completions",
                  "body": {"model": "m", "messages": [{"role": "user", "content": "slow"}], "stream": true}},
                 "response": {"status": 200, "headers": {"content-type": "text/event-stream"}, "atMs": 5,
                  "events": [{"atMs": 200, "data": "{\\"a\\":1}"}, {"atMs": 600, "data": "{\\"a\\":2}"}],
                  "done": true}}
                """);
        String request = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"slow\"}],\"stream\":true}";
        long t0 = System.nanoTime();
        HttpResponse<String> asRecorded = post(replayer(1, "404"), request);
        long asRecordedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(asRecorded.body()).contains("{\"a\":1}").contains("{\"a\":2}").contains("[DONE]");
        assertThat(asRecordedMs).isGreaterThanOrEqualTo(600);
        t0 = System.nanoTime();
        HttpResponse<String> twice = post(replayer(2, "404"), request);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(twice.body()).isEqualTo(asRecorded.body());
    }

    @Test
    void aCorruptRecordingStopsTheStartNamingFileAndMember() throws Exception {
        Files.writeString(dir.resolve("0001-bad.json"), """
                {"recording": 1, "request": {"method": "POST", "path": "/x"},
                 "response": {"status": 200, "events": [{"atMs": 10, "data": "a"}, {"atMs": 5, "data": "b"}]}}
                """);
        assertThatThrownBy(() -> replayer(0, "emulate")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("0001-bad.json: /response/events/1/atMs: events are in time order");
        Files.writeString(dir.resolve("0001-bad.json"), "{\"recording\": 2}");
        assertThatThrownBy(() -> replayer(0, "emulate")).hasMessageContaining("/recording: must be 1");
    }

    @Test
    void recordModeNeedsBothSettingsAndAWritableDirectory() throws Exception {
        assertThatThrownBy(() -> start(MockServer.builder().config(c -> c.set(Setting.RECORD_TO, dir.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--record-to and --upstream go together");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> start(MockServer.builder().config(c -> c.set(Setting.RECORD_TO,
                file.resolve("sub").toString()).set(Setting.UPSTREAM, "http://127.0.0.1:9"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--record-to: ")
                .hasMessageContaining("a-file");
    }

    @Test
    void recordModeJournalsWhatTheClientSawSoTheVerdictGradesIt() throws Exception {
        MockServer upstream = upstream();
        HttpResponse<String> fault = http.send(HttpRequest.newBuilder(URI.create(upstream.baseUri()
                        + "/__admin/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"http_error\",\"status\":429,"
                        + "\"retryAfterSeconds\":30,\"times\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fault.statusCode()).isEqualTo(201);
        MockServer recorder = recorder(upstream);
        assertThat(post(recorder, body("Hi", "")).statusCode()).isEqualTo(429);
        assertThat(post(recorder, body("Hi", "\"stream\":true")).statusCode()).as("retried at once").isEqualTo(200);

        JsonNode journal = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(recorder.baseUri()
                + "/__admin/journal")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(journal.at("/entries").size()).isEqualTo(2);
        assertThat(journal.at("/entries/0/status").asInt()).isEqualTo(429);
        assertThat(journal.at("/entries/0/headers/authorization").asText()).startsWith("Bearer flp_***#")
                .doesNotContain(SECRET);
        assertThat(journal.at("/entries/1/stream").asBoolean()).isTrue();
        JsonNode verdict = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(recorder.baseUri()
                + "/__admin/verdict")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode retryAfter = null;
        for (JsonNode check : verdict.path("checks")) {
            if (check.path("id").asText().equals("retry_after")) {
                retryAfter = check;
            }
        }
        assertThat(retryAfter).isNotNull();
        assertThat(retryAfter.path("outcome").asText()).as("the upstream's 429 asked for 30 s").isEqualTo("fail");
    }

    @Test
    void anUnreachableUpstreamIsA502NamingIt() throws Exception {
        MockServer recorder = start(MockServer.builder().config(c -> c.set(Setting.RECORD_TO, dir.toString())
                .set(Setting.UPSTREAM, "http://127.0.0.1:9")));
        HttpResponse<String> answer = post(recorder, body("Hello", ""));
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("http://127.0.0.1:9").contains("upstream_unreachable");
        assertThat(files()).isEmpty();
        assertThat(post(recorder, body("Hello", "")).statusCode()).as("the mock keeps serving").isEqualTo(502);
    }
}
