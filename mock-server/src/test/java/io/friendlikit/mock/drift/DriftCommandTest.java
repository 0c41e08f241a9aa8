package io.friendlikit.mock.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.cli.DriftCommand;
import io.friendlikit.mock.config.ErrorEnvelope;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.config.UsageChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift command end to end: exchanges recorded through a recorder whose upstream is a default mock, then sent
 * again to mocks that differ in one setting each, and the report names exactly that difference.
 */
class DriftCommandTest {

    private static final String PLAIN = "0001-meta-llama-3.1-8b-instruct-plain.json";
    private static final String STREAM = "0002-meta-llama-3.1-8b-instruct-stream.json";
    private static final String ERROR = "0003-meta-llama-3.1-8b-instruct-plain.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<MockServer> started = new ArrayList<>();

    @TempDir
    Path tmp;
    Path rec;

    record Run(int exit, String out, String err, JsonNode report) {
        JsonNode recording(String file) {
            for (JsonNode r : report.path("recordings")) {
                if (r.path("file").asText().equals(file)) {
                    return r;
                }
            }
            throw new AssertionError("no " + file + " in " + report);
        }
    }

    @BeforeEach
    void record() throws Exception {
        rec = Files.createDirectories(tmp.resolve("rec"));
        MockServer upstream = start(c -> { });
        MockServer recorder = start(c -> c.set(Setting.RECORD_TO, rec.toString())
                .set(Setting.UPSTREAM, upstream.baseUri().toString()));
        assertThat(post(recorder, body("Hello there", "\"max_tokens\":12")).statusCode()).isEqualTo(200);
        assertThat(post(recorder, body("Tell me a story", "\"stream\":true,\"max_tokens\":4")).statusCode())
                .isEqualTo(200);
        assertThat(post(recorder, body("Too few", "\"max_tokens\":-1")).statusCode()).isEqualTo(422);
        try (Stream<Path> s = Files.list(rec)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly(PLAIN, STREAM, ERROR);
        }
        upstream.close();
        recorder.close();
    }

    @AfterEach
    void stop() {
        started.forEach(MockServer::close);
    }

    private MockServer start(Consumer<io.friendlikit.mock.config.MockConfig.Builder> settings) {
        MockServer s = MockServer.builder().port(0).host("127.0.0.1").config(settings).build().start();
        started.add(s);
        return s;
    }

    private HttpResponse<String> post(MockServer server, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + TestServer.CHAT))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer flp_recording-token-0123")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String content, String extra) {
        return "{\"model\":\"" + TestServer.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content
                + "\"}]," + extra + "}";
    }

    private Run drift(String... args) throws IOException {
        Path json = tmp.resolve("report-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", json.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DriftCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode report = Files.exists(json) ? JSON.readTree(json.toFile()) : null;
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), report);
    }

    @Test
    void theSameDefaultsDoNotDriftOfflineAgainstAnEmbeddedMock() throws Exception {
        Run run = drift("--recordings", rec.toString(), "--divergences", emptyDivergences().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out().strip()).startsWith("3 recordings, 0 drifted, 0 known differences");
        assertThat(run.report().path("target").asText()).isEqualTo("mock");
        assertThat(run.report().path("recordings")).extracting(r -> r.path("status").asText())
                .containsExactly("same", "same", "same");
        assertThat(run.report().path("recordings")).extracting(r -> r.path("file").asText())
                .containsExactly(PLAIN, STREAM, ERROR);
    }

    @Test
    void anOpenAiErrorEnvelopeDriftsOnTheTopLevelMessageOnly() throws Exception {
        MockServer openai = start(c -> c.set(Setting.ERROR_ENVELOPE, ErrorEnvelope.OPENAI));
        Run run = drift("--recordings", rec.toString(), "--against", openai.baseUri().toString(),
                "--divergences", emptyDivergences().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.recording(PLAIN).path("differences")).isEmpty();
        assertThat(run.recording(STREAM).path("differences")).isEmpty();
        JsonNode error = run.recording(ERROR);
        assertThat(error.path("status").asText()).isEqualTo("drifted");
        assertThat(error.path("differences")).hasSize(1);
        JsonNode d = error.path("differences").get(0);
        assertThat(List.of(d.path("kind").asText(), d.path("pointer").asText(), d.path("recorded").asText(),
                d.path("now").asText())).containsExactly("missing", "/message", "string", "absent");
        assertThat(d.path("known").isNull()).isTrue();
        assertThat(run.out()).contains(ERROR + "  DRIFT  missing  /message  string -> absent")
                .contains("3 recordings, 1 drifted, 0 known differences");
    }

    @Test
    void aUsageChunkInEveryStreamDriftsTheStreamOnTheUsageChunkOnly() throws Exception {
        MockServer always = start(c -> c.set(Setting.USAGE_CHUNK, UsageChunk.ALWAYS));
        Run run = drift("--recordings", rec.toString(), "--against", always.baseUri().toString(),
                "--divergences", emptyDivergences().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.recording(PLAIN).path("differences")).isEmpty();
        assertThat(run.recording(ERROR).path("differences")).isEmpty();
        JsonNode differences = run.recording(STREAM).path("differences");
        assertThat(differences).as(differences.toString()).hasSize(1);
        assertThat(differences.get(0).path("kind").asText()).isEqualTo("usage-chunk");
        assertThat(differences.get(0).path("recorded").asText()).isEqualTo("no");
        assertThat(differences.get(0).path("now").asText()).isEqualTo("yes");
    }

    @Test
    void aCorruptRecordingIsExit2NamingTheFileAndThePointer() throws Exception {
        Files.writeString(rec.resolve("0004-bad-stream.json"), """
                {"recording": 1, "request": {"method": "POST", "path": "/x"},
                 "response": {"status": 200, "events": [{"atMs": 10, "data": "a"}, {"atMs": 5, "data": "b"}]}}
                """);
        Run run = drift("--recordings", rec.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("0004-bad-stream.json: /response/events/1/atMs: events are in time order");
        assertThat(run.report()).as("no report for bad input").isNull();
    }

    @Test
    void badInputIsExit2NamingTheOptionTheDirectoryOrTheUrl() throws Exception {
        Run unreachable = drift("--recordings", rec.toString(), "--against", "http://127.0.0.1:9");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.err()).contains("--against http://127.0.0.1:9: cannot be reached");

        Run unknown = drift("--recordings", rec.toString(), "--colour", "red");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option '--colour'").contains("usage: drift --recordings DIR");

        Run noDir = drift("--recordings", tmp.resolve("nowhere").toString());
        assertThat(noDir.exit()).isEqualTo(2);
        assertThat(noDir.err()).contains("--recordings ").contains("nowhere: not a readable directory");

        Run badTarget = drift("--recordings", rec.toString(), "--target", "staging");
        assertThat(badTarget.exit()).isEqualTo(2);
        assertThat(badTarget.err()).contains("--target takes mock, live or other, got 'staging'");

        Path badEntry = Files.writeString(tmp.resolve("bad-divergences.json"),
                "{\"divergences\": [{\"target\": \"mock\", \"pointer\": \"/message\", \"rule\": \"skip\","
                        + " \"reason\": \"r\"}]}");
        Run badDivergences = drift("--recordings", rec.toString(), "--divergences", badEntry.toString());
        assertThat(badDivergences.exit()).isEqualTo(2);
        assertThat(badDivergences.err()).contains("bad-divergences.json: /divergences/0/rule: must be ignore, "
                + "type-only or pattern, got 'skip'");
    }

    @Test
    void aKnownDivergenceTurnsTheDifferenceIntoAKnownOneForItsTargetOnly() throws Exception {
        MockServer openai = start(c -> c.set(Setting.ERROR_ENVELOPE, ErrorEnvelope.OPENAI));
        Path divergences = Files.writeString(tmp.resolve("divergences.json"), """
                {"divergences": [
                  {"target": "live", "pointer": "/message", "rule": "ignore", "reason": "for live only"},
                  {"target": "other", "pointer": "/message", "rule": "ignore",
                   "reason": "this server answers errors in the OpenAI envelope"}
                ]}
                """);
        Run run = drift("--recordings", rec.toString(), "--against", openai.baseUri().toString(),
                "--divergences", divergences.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode error = run.recording(ERROR);
        assertThat(error.path("status").asText()).isEqualTo("known");
        assertThat(error.at("/differences/0/known").asText())
                .isEqualTo("this server answers errors in the OpenAI envelope");
        assertThat(run.out()).contains(ERROR + "  known  missing  /message  string -> absent  (this server answers")
                .contains("3 recordings, 0 drifted, 1 known difference");

        Run asMock = drift("--recordings", rec.toString(), "--against", openai.baseUri().toString(),
                "--divergences", divergences.toString(), "--target", "mock");
        assertThat(asMock.exit()).as("no entry for target mock").isEqualTo(1);
    }

    @Test
    void aTypeOnlyEntryStillReportsAMissingMemberAsTheKitWould() throws Exception {
        MockServer openai = start(c -> c.set(Setting.ERROR_ENVELOPE, ErrorEnvelope.OPENAI));
        Path divergences = Files.writeString(tmp.resolve("divergences.json"), """
                {"divergences": [{"target": "other", "pointer": "/message", "rule": "type-only",
                  "reason": "the kit compares its type"}]}
                """);
        Run run = drift("--recordings", rec.toString(), "--against", openai.baseUri().toString(),
                "--divergences", divergences.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.recording(ERROR).at("/differences/0/known").isNull()).isTrue();
    }

    @Test
    void theProjectsDivergencesHideNothingFromADriftAgainstTheMock() throws Exception {
        Path file = Path.of("..", "fixtures", "divergences.json");
        assertThat(file).exists();
        Divergences forMock = Divergences.read(file).forTarget("mock");
        assertThat(forMock.entries()).as("entries for target mock would turn drift into known differences")
                .isEmpty();
    }

    private Path emptyDivergences() throws IOException {
        return Files.writeString(tmp.resolve("none.json"), "{\"divergences\": []}");
    }
}
