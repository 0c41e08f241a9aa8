package io.friendlikit.mock.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.junit5.ScenarioSpec.Answer;
import io.friendlikit.mock.junit5.ScenarioSpec.FinishReason;
import io.friendlikit.mock.junit5.ScenarioSpec.Role;
import io.friendlikit.mock.junit5.ScenarioSpec.Route;
import io.friendlikit.mock.junit5.ScenarioSpec.Text;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every matcher and answer member of a scenario through {@link ScenarioSpec}'s typed methods: the mock accepts the
 * spec, answers a request that matches with the scripted answer and generates the answer of one that does not.
 */
@FriendliMock(seed = 5)
class ScenarioSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPTED = "SCRIPTED-ANSWER";

    private final AdminClient admin;
    private final URI serverless;

    ScenarioSpecTest(AdminClient admin, @MockUri URI serverless) {
        this.admin = admin;
        this.serverless = serverless;
    }

    @Test
    void messageMatchers() {
        admin.addScenario(ScenarioSpec.reply(SCRIPTED)
                .whenContains("weather")
                .whenLastUserMessage(Text.matching("\\bweather\\b").ignoringCase())
                .whenSystemMessage(Text.containing("pirate"))
                .whenMessage(Role.ASSISTANT, Text.equalTo("Ahoy"))
                .whenAnyMessage(Text.containing("WEATHER")));

        String conversation = """
                {"model": "%s", "max_tokens": 8, "messages": [
                  {"role": "system", "content": "You are a pirate."},
                  {"role": "user", "content": "Hi"},
                  {"role": "assistant", "content": "%s"},
                  {"role": "user", "content": "And the WEATHER?"}]}""";
        assertThat(content(Chat.post(serverless, conversation.formatted(Chat.MODEL, "Ahoy")))).isEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, conversation.formatted(Chat.MODEL, "Hello"))))
                .as("the assistant message is not 'Ahoy'").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, conversation.formatted(Chat.MODEL, "Ahoy")
                .replace("a pirate", "a sailor")))).as("no system message about a pirate").isNotEqualTo(SCRIPTED);
    }

    @Test
    void requestMatchers(@MockUri(MockUri.Kind.DEDICATED) URI dedicated, @MockUri(MockUri.Kind.CONTAINER) URI container) {
        admin.addScenario(ScenarioSpec.reply(SCRIPTED)
                .forModel(Text.matching("^meta-llama"))
                .onRoute(Route.SERVERLESS)
                .whenPath(Text.containing("/serverless/"))
                .whenHeader("X-Test-Run", Text.matching("^run-"))
                .whenHeader("x-suite", "nightly"));
        admin.addScenario(ScenarioSpec.reply("DEDICATED-ANSWER").onRoute(Route.DEDICATED));
        admin.addScenario(ScenarioSpec.reply("CONTAINER-ANSWER").onRoute(Route.CONTAINER));

        Map<String, String> headers = Map.of("x-test-run", "run-7", "X-Suite", "nightly");
        assertThat(content(Chat.post(serverless, Chat.VALID, "flp_test", headers))).isEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, Chat.VALID, "flp_test", Map.of("x-test-run", "run-7"))))
                .as("without x-suite").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, Chat.VALID, "flp_test", Map.of("x-test-run", "ci-7", "x-suite",
                "nightly")))).as("x-test-run not starting with run-").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, Chat.VALID.replace(Chat.MODEL, "zai-org/GLM-5.2"), "flp_test",
                headers))).as("another model").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(dedicated, Chat.VALID.replace(Chat.MODEL, "dep0mockendpt01"), "flp_test",
                headers))).isEqualTo("DEDICATED-ANSWER");
        assertThat(content(Chat.post(container, Chat.VALID, null, headers))).isEqualTo("CONTAINER-ANSWER");
    }

    @Test
    void bodyPointerMatchers() {
        admin.addScenario(ScenarioSpec.reply(SCRIPTED)
                .whenBody("/temperature", 0)
                .whenBody("/stop", List.of("END"))
                .whenBodyMatches("/messages/0/content", "^Count")
                .whenBodyHas("/max_tokens")
                .whenBodyLacks("/top_p"));

        String body = """
                {"model": "%s", "max_tokens": 8, "temperature": %s, "stop": ["END"]%s,
                 "messages": [{"role": "user", "content": "Count to three"}]}""";
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "0", "")))).isEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "0.5", ""))))
                .as("temperature 0.5").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "0", ", \"top_p\": 0.9"))))
                .as("with top_p").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "0", "").replace("Count", "Say"))))
                .as("first message not starting with Count").isNotEqualTo(SCRIPTED);
    }

    @Test
    void conversationMatchers() {
        admin.addScenario(ScenarioSpec.reply(SCRIPTED)
                .whenTools(true)
                .whenToolResult(true)
                .whenToolCallId(Text.equalTo("call_abc123"))
                .whenTurn(1)
                .whenStream(false));

        String body = """
                {"model": "%s", "max_tokens": 8, "stream": %s,
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "parameters": {"type": "object", "properties": {}}}}],
                 "messages": [
                   {"role": "user", "content": "Weather in Paris?"},
                   {"role": "assistant", "tool_calls": [{"id": "%s", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{}"}}]},
                   {"role": "tool", "tool_call_id": "%s", "content": "sunny"}%s]}""";
        String matching = body.formatted(Chat.MODEL, "false", "call_abc123", "call_abc123", "");
        assertThat(content(Chat.post(serverless, matching))).isEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "false", "call_other", "call_other", ""))))
                .as("another tool call id").isNotEqualTo(SCRIPTED);
        assertThat(content(Chat.post(serverless, body.formatted(Chat.MODEL, "false", "call_abc123", "call_abc123",
                ", {\"role\": \"user\", \"content\": \"And tomorrow?\"}")))).as("turn 2").isNotEqualTo(SCRIPTED);
        HttpResponse<String> streamed = Chat.post(serverless, body.formatted(Chat.MODEL, "true", "call_abc123",
                "call_abc123", ""));
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).as("a stream").startsWith("data: ").doesNotContain(SCRIPTED);
        assertThat(content(Chat.post(serverless, Chat.VALID))).as("no tools, no tool result").isNotEqualTo(SCRIPTED);
    }

    @Test
    void aSequenceWithReasoningFinishReasonUsageAndAnError() {
        admin.addScenario(ScenarioSpec.sequence(
                Answer.toolCall("get_weather", Map.of("city", "Paris")).andToolCall("get_time", Map.of())
                        .finishReason(FinishReason.STOP),
                Answer.text("It is sunny.").reasoning("The tool said sunny.").usage(7, 3),
                Answer.error(429, "slow down", 2)));

        String roomy = Chat.VALID.replace("\"max_tokens\":4", "\"max_tokens\":64");
        JsonNode first = choice(Chat.post(serverless, roomy));
        assertThat(first.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(first.path("message").path("tool_calls")).extracting(c -> c.path("function").path("name").asText())
                .containsExactly("get_weather", "get_time");

        HttpResponse<String> second = Chat.post(serverless, roomy);
        JsonNode body = json(second);
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("It is sunny.");
        assertThat(body.path("choices").path(0).path("message").path("reasoning_content").asText())
                .isEqualTo("The tool said sunny.");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(10);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = Chat.post(serverless, Chat.VALID);
            assertThat(refused.statusCode()).as("the last answer repeats, request %d", i).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(json(refused).path("error").path("message").asText()).isEqualTo("slow down");
        }
    }

    @Test
    void anErrorScenarioAndAnAnswersOwnFault() {
        admin.addScenario(ScenarioSpec.error(503, "scripted outage", null).whenContains("outage").times(1));
        admin.addScenario(ScenarioSpec.reply(Answer.text("one two three").fault(FaultSpec.dropDone())).whenStream(true));

        HttpResponse<String> outage = Chat.post(serverless, Chat.VALID.replace("Hi", "outage?"));
        assertThat(outage.statusCode()).isEqualTo(503);
        assertThat(outage.headers().firstValue("Retry-After")).isEmpty();
        assertThat(Chat.post(serverless, Chat.VALID.replace("Hi", "outage?")).statusCode()).as("times 1").isEqualTo(200);

        HttpResponse<String> stream = Chat.post(serverless, Chat.VALID.replace("\"max_tokens\":4", "\"max_tokens\":16,\"stream\":true"));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).contains("one").doesNotContain("[DONE]");
    }

    @Test
    void scriptedLogprobsAndTheAnswersOwnTiming() {
        admin.addScenario(ScenarioSpec.reply(Answer.text("Yes, it is.").logprobs(-0.25, -2).timing(250, 0)));

        long start = System.nanoTime();
        HttpResponse<String> answer = Chat.post(serverless, Chat.VALID.replace("\"max_tokens\":4",
                "\"max_tokens\":16,\"logprobs\":true,\"top_logprobs\":1"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        JsonNode tokens = choice(answer).path("logprobs").path("content");
        assertThat(tokens.size()).isGreaterThanOrEqualTo(3);
        assertThat(tokens.path(0).path("logprob").asDouble()).isEqualTo(-0.25);
        assertThat(tokens.path(1).path("logprob").asDouble()).isEqualTo(-2.0);
        assertThat(tokens.path(2).path("logprob").asDouble()).as("the last value repeats").isEqualTo(-2.0);
        assertThat(tookMs).as("the answer's own first-token delay").isGreaterThanOrEqualTo(250);
    }

    @Test
    void theHighestPriorityAnswersAndNamesAreListed() {
        admin.addScenario(ScenarioSpec.reply("LOW").named("low one"));
        admin.addScenario(ScenarioSpec.reply("HIGH").named("high one").priority(5));

        assertThat(content(Chat.post(serverless, Chat.VALID))).isEqualTo("HIGH");
        assertThat(admin.scenarios()).extracting(s -> s.path("name").asText() + "/" + s.path("priority").asInt())
                .containsExactly("low one/0", "high one/5");
    }

    @Test
    void misuseIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new Text("a", "b", null, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of equals, contains, regex");
        assertThatThrownBy(() -> Answer.error(500, "x", null).reasoning("r")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'reasoning' cannot go beside it");
        assertThatThrownBy(() -> Answer.text("x").fault(FaultSpec.dropDone().times(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drop times(1)");
        assertThatThrownBy(() -> ScenarioSpec.sequence(Answer.text("a")).andToolCall("f", Map.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> admin.addScenario(ScenarioSpec.reply("x").whenLastUserMessage(Text.matching("("))))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("match.lastUserMessage.regex");
    }

    /** The spec writes every member of the Matchers and Answers tables of ADMIN-API.md, and the mock takes them. */
    @Test
    void everyDocumentedMatcherAndAnswerMemberHasATypedMethod() throws IOException {
        ScenarioSpec everyMatcher = ScenarioSpec.reply(Answer.text("x").reasoning("r").andToolCall("f", Map.of())
                        .finishReason(FinishReason.TOOL_CALLS).usage(1, null).fault(FaultSpec.latency(0, 0))
                        .logprobs(-0.5).timing(0, 0))
                .whenContains("a").forModel("m").onRoute(Route.SERVERLESS).whenPath(Text.equalTo("/p"))
                .whenHeader("h", "v").whenLastUserMessage(Text.containing("a")).whenSystemMessage(Text.containing("s"))
                .whenMessage(Role.USER, Text.containing("a")).whenBodyHas("/model").whenTools(false)
                .whenToolResult(false).whenToolCallId(Text.equalTo("call_1")).whenTurn(1).whenStream(false);
        ScenarioSpec error = ScenarioSpec.error(500, "boom", 1);
        admin.addScenario(everyMatcher);
        admin.addScenario(error);

        @SuppressWarnings("unchecked")
        Set<String> matchers = new TreeSet<>(((Map<String, Object>) everyMatcher.body().get("match")).keySet());
        assertThat(matchers).as("matchers written vs the Matchers table of ADMIN-API.md")
                .isEqualTo(documented("### Matchers", "### Which scenario answers"));
        @SuppressWarnings("unchecked")
        Set<String> answers = new TreeSet<>(((Map<String, Object>) everyMatcher.body().get("reply")).keySet());
        @SuppressWarnings("unchecked")
        Set<String> errorMembers = ((Map<String, Object>) error.body().get("reply")).keySet();
        answers.addAll(errorMembers);
        assertThat(answers).as("answer members written vs the Answers table of ADMIN-API.md")
                .isEqualTo(documented("### Answers", "The answer goes through"));
        assertThat(admin.scenarios()).hasSize(2);
    }

    /** The member names of the table between two headings (the part before a '[' or '.', e.g. toolCalls). */
    private static Set<String> documented(String from, String to) throws IOException {
        String doc = Files.readString(Path.of("..", "mock-server", "ADMIN-API.md"));
        String section = doc.substring(doc.indexOf(from), doc.indexOf(to, doc.indexOf(from)));
        Set<String> members = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)[^`]*` \\|").matcher(section.substring(section.indexOf("|---")));
        while (row.find()) {
            members.add(row.group(1));
        }
        assertThat(members).as("rows found under " + from).hasSizeGreaterThan(5);
        return members;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private static JsonNode choice(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("choices").path(0);
    }

    private static String content(HttpResponse<String> response) {
        return choice(response).path("message").path("content").asText();
    }
}
