package io.friendlikit.mock.admin;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.ConfigResolver;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Fixture directories: loading, errors naming file, pointer and rule, leniency, hot reload, the shipped examples. */
class FixtureFilesTest {

    /** The examples shipped in the repository's fixtures/ directory. */
    private static final Path EXAMPLES = Path.of("..", "fixtures", "scenarios");

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private TestServer serve(Path... dirs) {
        return new TestServer(MockServer.builder().fixtures(dirs).log(log::add).fixturesPollMs(0));
    }

    private static String ask(String messages) {
        return "{\"model\":\"" + MODEL + "\",\"messages\":[" + messages + "]," + TOOLS + "}";
    }

    @Test
    void theWeatherExampleDrivesATwoTurnToolConversation() {
        try (TestServer mock = serve(EXAMPLES.resolve("weather-tool-conversation"))) {
            String question = "{\"role\":\"user\",\"content\":\"What is the weather in Paris?\"}";
            var first = mock.authed().body(ask(question)).post(CHAT).then().statusCode(200)
                    .body("choices[0].finish_reason", equalTo("tool_calls"))
                    .body("choices[0].message.content", nullValue())
                    .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                    .body("choices[0].message.tool_calls[0].function.arguments",
                            equalTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}"))
                    .extract();
            String callId = first.path("choices[0].message.tool_calls[0].id");
            String arguments = first.path("choices[0].message.tool_calls[0].function.arguments");
            String secondTurn = question + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"" + callId
                    + "\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                    + io.friendlikit.mock.engine.Mappers.wire().getNodeFactory().textNode(arguments) + "}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"" + callId
                    + "\",\"content\":\"{\\\"temperature\\\":18,\\\"sky\\\":\\\"sunny\\\"}\"}";
            mock.authed().body(ask(secondTurn)).post(CHAT).then().statusCode(200)
                    .body("choices[0].finish_reason", equalTo("stop"))
                    .body("choices[0].message.content", equalTo("It is 18 degrees and sunny in Paris."))
                    .body("choices[0].message.tool_calls", nullValue());
            // streamed, the second turn reassembles to the same text
            HttpResponse<String> streamed = mock.rawPost(CHAT, ask(secondTurn).replaceFirst("\\}$", ",\"stream\":true}"));
            assertThat(streamed.body()).contains("\" sunny\"").contains("data: [DONE]");
            // a question with no weather in it is left to the generator
            mock.authed().body(ask("{\"role\":\"user\",\"content\":\"Tell me a joke\"}")).post(CHAT).then()
                    .statusCode(200).body("choices[0].message.content", not(equalTo("It is 18 degrees and sunny in Paris.")));
        }
        assertThat(log).anyMatch(l -> l.startsWith("fixtures: loaded 2 scenarios from 2 files"));
    }

    @Test
    void everyShippedExampleLoadsAndTheSequenceExampleAnswersInOrder() {
        try (TestServer mock = serve(EXAMPLES)) {
            assertThat(mock.server().scenarios().fixtures()).hasSize(7);
            String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"where is it\"}]}";
            mock.authed().header("X-Fixture-Example", "sequence").body(body).post(CHAT).then()
                    .body("choices[0].message.tool_calls[0].function.name", equalTo("lookup_order"));
            mock.authed().header("X-Fixture-Example", "sequence").body(body).post(CHAT).then()
                    .body("choices[0].message.content", equalTo("Your order A-1 ships tomorrow."));
            mock.authed().body(body).post(CHAT).then().statusCode(200)
                    .body("choices[0].message.content", not(equalTo("Your order A-1 ships tomorrow.")));
        }
    }

    @Test
    void theLogprobsAndTimingExampleAnswersWithItsValuesAndDelay() throws Exception {
        try (TestServer mock = serve(EXAMPLES.resolve("more-matchers"))) {
            String body = TestServer.body("\"logprobs\":true,\"top_logprobs\":1");
            long start = System.nanoTime();
            mock.authed().header("X-Fixture-Example", "logprobs-timing").body(body).post(CHAT).then().statusCode(200)
                    .body("choices[0].message.content", equalTo("Fairly sure, yes."))
                    .body("choices[0].logprobs.content.logprob", org.hamcrest.Matchers.contains(-0.05f, -1.2f, -0.4f,
                            -0.4f, -0.4f));
            assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("the example's first-token delay").isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void aFileWithScriptedLogprobsAndTimingLoadsAndListsBoth() throws IOException {
        write("both.json", "{\"reply\":{\"content\":\"from a file\",\"logprobs\":[-2.5],"
                + "\"timing\":{\"firstTokenMs\":5,\"jitterMs\":0.5}}}");
        try (TestServer mock = serve(dir)) {
            mock.authed().body(TestServer.body("\"logprobs\":true")).post(CHAT).then().statusCode(200)
                    .body("choices[0].logprobs.content.logprob", org.hamcrest.Matchers.everyItem(equalTo(-2.5f)));
            mock.bare().get("/__admin/scenarios").then().body("scenarios", hasSize(1))
                    .body("scenarios[0].reply.logprobs", org.hamcrest.Matchers.contains(-2.5f))
                    .body("scenarios[0].reply.timing.firstTokenMs", equalTo(5))
                    .body("scenarios[0].reply.timing.jitterMs", equalTo(0.5f))
                    .body("scenarios[0].reply.timing.interTokenMs", nullValue());
        }
        assertThat(log).anyMatch(l -> l.startsWith("fixtures: loaded 1 scenario from 1 file"));
    }

    @Test
    void fixturesOutliveResetAndAreListedWithTheirFile() throws IOException {
        Path file = write("a.json", "{\"reply\":{\"content\":\"from a file\"}}");
        try (TestServer mock = serve(dir)) {
            mock.bare().contentType("application/json").post("/__admin/reset").then().statusCode(204);
            mock.bare().delete("/__admin/scenarios").then().statusCode(204);
            mock.authed().body(TestServer.body("")).post(CHAT).then().body("choices[0].message.content",
                    equalTo("from a file"));
            mock.bare().get("/__admin/scenarios").then().body("scenarios", hasSize(1))
                    .body("scenarios[0].id", org.hamcrest.Matchers.startsWith("fixture-"))
                    .body("scenarios[0].source", equalTo(file.toString()))
                    .body("scenarios[0].matched", equalTo(1));
            // an added scenario wins over a fixture of the same priority
            mock.bare().contentType("application/json").body("{\"reply\":{\"content\":\"added\"}}")
                    .post("/__admin/scenarios").then().statusCode(201);
            mock.authed().body(TestServer.body("")).post(CHAT).then().body("choices[0].message.content", equalTo("added"));
        }
    }

    @Test
    void aBadFileStopsTheStartNamingTheFileThePointerAndTheRule() throws IOException {
        write("ok.json", "{\"reply\":{\"content\":\"fine\"}}");
        Path bad = write("sub/bad.json", "{\"scenarios\":[{\"reply\":{\"content\":\"x\"}},"
                + "{\"match\":{\"lastUserMessage\":{\"regex\":\"(\"}},\"reply\":{\"content\":\"y\"}}]}");
        assertThatThrownBy(() -> MockServer.builder().fixtures(dir).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--fixtures: " + bad + ": /scenarios/1/match/lastUserMessage/regex: ")
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void errorsNameThePointerOfEachKindOfMistake() throws IOException {
        Map<String, String> cases = Map.of(
                "{\"reply\":{\"content\":\"x\"},\"matches\":{}}", "/matches: no such member here",
                "{\"reply\":{\"toolCalls\":[{\"name\":7}]}}", "/reply/toolCalls/0/name: must be a string",
                "{\"reply\":{}}", "/reply/content: required",
                "{\"scenarios\":[{\"reply\":{\"content\":\"x\"}}],\"extra\":1}", "/extra: no such member here",
                "{\"scenarios\":{}}", "/scenarios: must be an array",
                "{\"scenarios\":[5]}", "/scenarios/0: must be an object",
                "{oops", "(the file): invalid JSON",
                "{\"reply\":{\"content\":\"x\",\"faults\":[{\"type\":\"nope\"}]}}", "/reply/faults/0/type: unknown fault type",
                "{\"reply\":{\"content\":\"x\",\"logprobs\":[-1,2]}}", "/reply/logprobs/1: must be a finite number <= 0",
                "{\"reply\":{\"content\":\"x\",\"timing\":{\"firstTokenMS\":1}}}", "/reply/timing/firstTokenMS: no such member here");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path d = Files.createDirectories(dir.resolve("case" + i++));
            Path f = Files.writeString(d.resolve("f.json"), c.getKey());
            assertThatThrownBy(() -> MockServer.builder().fixtures(d).build()).as(c.getKey())
                    .hasMessageContaining(f + ": " + c.getValue());
        }
    }

    @Test
    void leniently_aBadFileIsSkippedWithAWarning() throws IOException {
        write("good.json", "{\"reply\":{\"content\":\"good\"}}");
        Path bad = write("bad.json", "{\"reply\":{\"content\":\"x\",\"finishReason\":\"done\"}}");
        try (TestServer mock = new TestServer(MockServer.builder().fixtures(dir).set(Setting.FIXTURES_LENIENT, true)
                .log(log::add).fixturesPollMs(0))) {
            assertThat(mock.server().scenarios().fixtures()).hasSize(1);
        }
        assertThat(log).anyMatch(l -> l.equals("fixtures: skipped " + bad
                + ": /reply/finishReason: must be one of stop, length, tool_calls, got 'done'"));
    }

    @Test
    void aChangedFileIsReloadedAndTheReloadLogged() throws IOException {
        Path file = write("a.json", "{\"reply\":{\"content\":\"version one\"}}");
        try (TestServer mock = serve(dir)) {
            assertThat(mock.server().reloadFixtures()).isFalse();
            rewrite(file, "{\"reply\":{\"content\":\"version two, longer\"}}");
            assertThat(mock.server().reloadFixtures()).isTrue();
            mock.authed().body(TestServer.body("")).post(CHAT).then()
                    .body("choices[0].message.content", equalTo("version two, longer"));
            assertThat(log).anyMatch(l -> l.equals("fixtures: reloaded 1 scenario after changes to " + file));

            // a file that no longer loads keeps its previous scenarios, and says why
            rewrite(file, "{\"reply\":{\"content\":5}}");
            assertThat(mock.server().reloadFixtures()).isTrue();
            mock.authed().body(TestServer.body("")).post(CHAT).then()
                    .body("choices[0].message.content", equalTo("version two, longer"));
            assertThat(log).anyMatch(l -> l.startsWith("fixtures: " + file + ": /reply/content: must be a string")
                    && l.endsWith("keeping its previous scenarios"));

            // a new file is picked up; a removed one takes its scenarios with it
            write("b.json", "{\"match\":{\"contains\":\"bee\"},\"reply\":{\"content\":\"from b\"}}");
            Files.delete(file);
            assertThat(mock.server().reloadFixtures()).isTrue();
            assertThat(mock.server().scenarios().fixtures()).hasSize(1);
            mock.authed().body(TestServer.body("")).post(CHAT).then()
                    .body("choices[0].message.content", not(equalTo("version two, longer")));
        }
    }

    @Test
    void theWatcherReloadsByItself() throws Exception {
        Path file = write("a.json", "{\"reply\":{\"content\":\"before\"}}");
        try (TestServer mock = new TestServer(MockServer.builder().fixtures(dir).log(log::add).fixturesPollMs(20))) {
            rewrite(file, "{\"reply\":{\"content\":\"after the change\"}}");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (log.stream().noneMatch(l -> l.startsWith("fixtures: reloaded")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            mock.authed().body(TestServer.body("")).post(CHAT).then()
                    .body("choices[0].message.content", equalTo("after the change"));
        }
    }

    @Test
    void theFlagIsRepeatableAndTakesCommaSeparatedLists() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        MockConfig config = ConfigResolver.resolve(new String[]{"--fixtures", a.toString(), "--fixtures=" + b + "," + c},
                k -> null, k -> null);
        assertThat(config.fixtures()).containsExactly(a.toString(), b.toString(), c.toString());
        assertThatThrownBy(() -> ConfigResolver.resolve(new String[]{"--fixtures", dir.resolve("missing").toString()},
                k -> null, k -> null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--fixtures").hasMessageContaining("must name readable directories");
    }

    @Test
    void pointersEscapeAsRfc6901Says() {
        assertThat(FixtureFiles.pointer("reply.toolCalls[0].name")).isEqualTo("/reply/toolCalls/0/name");
        assertThat(FixtureFiles.pointer("scenarios[2]")).isEqualTo("/scenarios/2");
        assertThat(FixtureFiles.pointer("match.headers.a/b~c")).isEqualTo("/match/headers/a~1b~0c");
        assertThat(FixtureFiles.pointer(null)).isEmpty();
    }

    private Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    /** Rewrites a file and moves its time on, so a change is seen even within the file system's time resolution. */
    private static void rewrite(Path file, String json) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2_000));
    }
}
