package io.friendlikit.mock.http;

import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each matcher of a scenario: a request it answers and one it leaves to the generator; then the answers. */
class ScenarioMatchersAcceptanceTest {

    private static final String SCRIPTED = "scripted answer";
    private static TestServer mock;

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

    private static String user(String text) {
        return "{\"role\":\"user\",\"content\":\"" + text + "\"}";
    }

    private static String ask(String messages, String extra) {
        return "{\"model\":\"" + MODEL + "\",\"messages\":[" + messages + "]" + (extra.isEmpty() ? "" : "," + extra)
                + "}";
    }

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]";
    private static final String TOOL_TURN = user("weather?") + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"{\\\"temperature\\\":18}\"}";

    static Stream<Arguments> matchers() {
        return Stream.of(
                arguments("contains (legacy, case-insensitive)", "{\"contains\":\"weather\"}",
                        ask(user("The WEATHER?"), ""), ask(user("Hi"), ""), Map.of()),
                arguments("model exact", "{\"model\":\"" + MODEL + "\"}",
                        ask(user("Hi"), ""), ask(user("Hi"), "").replace(MODEL, "deepseek-ai/DeepSeek-V3.2"), Map.of()),
                arguments("model regex", "{\"model\":{\"regex\":\"^meta-llama-3\\\\.1\"}}",
                        ask(user("Hi"), ""), ask(user("Hi"), "").replace(MODEL, "zai-org/GLM-5.2"), Map.of()),
                arguments("route", "{\"route\":\"serverless\"}", ask(user("Hi"), ""), null, Map.of()),
                arguments("path regex", "{\"path\":{\"contains\":\"/serverless/\"}}", ask(user("Hi"), ""), null, Map.of()),
                arguments("header exact", "{\"headers\":{\"X-Test\":\"a\"}}", ask(user("Hi"), ""), ask(user("Hi"), ""),
                        Map.of("X-Test", "a")),
                arguments("header regex", "{\"headers\":{\"x-test\":{\"regex\":\"^run-[0-9]+$\"}}}",
                        ask(user("Hi"), ""), ask(user("Hi"), ""), Map.of("X-Test", "run-42")),
                arguments("last user message contains", "{\"lastUserMessage\":\"paris\"}",
                        ask(user("old") + ",{\"role\":\"assistant\",\"content\":\"x\"}," + user("in paris"), ""),
                        ask(user("in paris") + ",{\"role\":\"assistant\",\"content\":\"x\"}," + user("old"), ""), Map.of()),
                arguments("last user message contains, case differs", "{\"lastUserMessage\":{\"contains\":\"PARIS\",\"ignoreCase\":true}}",
                        ask(user("in paris"), ""), ask(user("in rome"), ""), Map.of()),
                arguments("last user message is case-sensitive by default", "{\"lastUserMessage\":{\"contains\":\"Paris\"}}",
                        ask(user("in Paris"), ""), ask(user("in paris"), ""), Map.of()),
                arguments("last user message regex", "{\"lastUserMessage\":{\"regex\":\"^order [A-Z]-[0-9]+$\"}}",
                        ask(user("order A-17"), ""), ask(user("my order A-17"), ""), Map.of()),
                arguments("system message", "{\"systemMessage\":{\"contains\":\"pirate\"}}",
                        ask("{\"role\":\"system\",\"content\":\"talk like a pirate\"}," + user("Hi"), ""),
                        ask(user("pirate") , ""), Map.of()),
                arguments("any message by role", "{\"messages\":[{\"role\":\"assistant\",\"equals\":\"x\"}]}",
                        ask(user("a") + ",{\"role\":\"assistant\",\"content\":\"x\"}," + user("b"), ""),
                        ask(user("x"), ""), Map.of()),
                arguments("JSON pointer equals", "{\"body\":[{\"pointer\":\"/temperature\",\"equals\":0}]}",
                        ask(user("Hi"), "\"temperature\":0"), ask(user("Hi"), "\"temperature\":0.5"), Map.of()),
                arguments("JSON pointer regex", "{\"body\":[{\"pointer\":\"/messages/0/content\",\"regex\":\"^H\"}]}",
                        ask(user("Hi"), ""), ask(user("hi"), ""), Map.of()),
                arguments("JSON pointer exists", "{\"body\":[{\"pointer\":\"/seed\",\"exists\":true}]}",
                        ask(user("Hi"), "\"seed\":3"), ask(user("Hi"), ""), Map.of()),
                arguments("JSON pointer absent", "{\"body\":[{\"pointer\":\"/seed\",\"exists\":false}]}",
                        ask(user("Hi"), ""), ask(user("Hi"), "\"seed\":3"), Map.of()),
                arguments("tools declared", "{\"tools\":true}", ask(user("Hi"), TOOLS), ask(user("Hi"), ""), Map.of()),
                arguments("no tools declared", "{\"tools\":false}", ask(user("Hi"), ""), ask(user("Hi"), TOOLS), Map.of()),
                arguments("tool result present", "{\"toolResult\":true}", ask(TOOL_TURN, TOOLS), ask(user("Hi"), TOOLS), Map.of()),
                arguments("tool result absent", "{\"toolResult\":false}", ask(user("Hi"), TOOLS), ask(TOOL_TURN, TOOLS), Map.of()),
                arguments("tool_call_id", "{\"toolCallId\":\"call_1\"}", ask(TOOL_TURN, TOOLS),
                        ask(TOOL_TURN.replace("call_1", "call_2"), TOOLS), Map.of()),
                arguments("turn", "{\"turn\":2}",
                        ask(user("a") + ",{\"role\":\"assistant\",\"content\":\"x\"}," + user("b"), ""), ask(user("a"), ""), Map.of()),
                arguments("all must hold", "{\"contains\":\"hi\",\"tools\":true}", ask(user("Hi"), TOOLS),
                        ask(user("Hi"), ""), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchers")
    void eachMatcherAnswersWhatItMatchesAndNothingElse(String label, String match, String hit, String miss,
                                                       Map<String, String> hitHeaders) {
        mock.bare().contentType("application/json")
                .body("{\"match\":" + match + ",\"reply\":{\"content\":\"" + SCRIPTED + "\"}}")
                .post("/__admin/scenarios").then().statusCode(201);
        mock.authed().headers(hitHeaders).body(hit).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", equalTo(SCRIPTED));
        if (miss != null) {
            mock.authed().body(miss).post(CHAT).then().statusCode(200)
                    .body("choices[0].message.content", not(equalTo(SCRIPTED)));
        }
    }

    @Test
    void routeAndStreamMatchOnTheDedicatedRouteAndStreams() {
        post("{\"match\":{\"route\":\"dedicated\",\"stream\":true},\"reply\":{\"content\":\"" + SCRIPTED + "\"}}");
        String body = "{\"model\":\"dep0mockendpt01\",\"messages\":[" + user("Hi") + "],\"stream\":true}";
        HttpResponse<String> streamed = mock.rawPost("/dedicated/v1/chat/completions", body);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("\" answer\"").contains("data: [DONE]");
        mock.authed().body(body.replace("true", "false")).post("/dedicated/v1/chat/completions").then()
                .statusCode(200).body("choices[0].message.content", not(equalTo(SCRIPTED)));
        mock.authed().body(ask(user("Hi"), "\"stream\":true")).post(CHAT).then().statusCode(200)
                .body(not(containsString(SCRIPTED)));
    }

    @Test
    void aSequenceAnswersTheFirstMatchWithACallThenWithText() {
        post("{\"match\":{\"tools\":true},\"sequence\":[{\"toolCalls\":[{\"name\":\"get_weather\"}]},"
                + "{\"content\":\"It is sunny.\"}]}");
        mock.authed().body(ask(user("weather?"), TOOLS)).post(CHAT).then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"));
        for (int i = 0; i < 2; i++) {   // the last answer repeats
            mock.authed().body(ask(TOOL_TURN, TOOLS)).post(CHAT).then().statusCode(200)
                    .body("choices[0].message.content", equalTo("It is sunny."))
                    .body("choices[0].finish_reason", equalTo("stop"));
        }
        mock.bare().get("/__admin/scenarios").then().body("scenarios[0].matched", equalTo(3));
    }

    @Test
    void theHighestPriorityAnswersThenTheFirstAdded() {
        post("{\"name\":\"low\",\"reply\":{\"content\":\"first added\"}}");
        post("{\"name\":\"also low\",\"reply\":{\"content\":\"second added\"}}");
        mock.authed().body(ask(user("Hi"), "")).post(CHAT).then().body("choices[0].message.content", equalTo("first added"));
        post("{\"priority\":5,\"match\":{\"contains\":\"urgent\"},\"reply\":{\"content\":\"high\"}}");
        mock.authed().body(ask(user("urgent"), "")).post(CHAT).then().body("choices[0].message.content", equalTo("high"));
        mock.authed().body(ask(user("Hi"), "")).post(CHAT).then().body("choices[0].message.content", equalTo("first added"));
    }

    @Test
    void anErrorAnswerUsesTheErrorEnvelopeAndRetryAfter() {
        post("{\"match\":{\"contains\":\"fail\"},\"reply\":{\"error\":{\"status\":429,\"message\":\"slow down\","
                + "\"retryAfterSeconds\":3}},\"times\":1}");
        mock.authed().body(ask(user("please fail"), "")).post(CHAT).then().statusCode(429)
                .header("Retry-After", "3").body("message", equalTo("slow down"))
                .body("error.type", equalTo("rate_limit_error"));
        mock.authed().body(ask(user("please fail"), "")).post(CHAT).then().statusCode(200);
    }

    @Test
    void faultsOfAScenarioActOnItsAnswerOnly() {
        post("{\"match\":{\"contains\":\"break\"},\"reply\":{\"content\":\"one two three four\","
                + "\"faults\":[{\"type\":\"stream_error\",\"afterChunks\":2,\"message\":\"engine restarted\"}]}}");
        HttpResponse<String> broken = mock.rawPost(CHAT, ask(user("break it"), "\"stream\":true"));
        assertThat(broken.body()).contains("engine restarted").doesNotContain("[DONE]");
        HttpResponse<String> other = mock.rawPost(CHAT, ask(user("fine"), "\"stream\":true"));
        assertThat(other.body()).doesNotContain("engine restarted").contains("data: [DONE]");
        mock.bare().get("/__admin/journal?last=2").then()
                .body("entries[0].faults", equalTo(java.util.List.of("stream_error")))
                .body("entries[1].faults", hasSize(0));
    }

    @Test
    void reasoningFinishReasonAndUsageAreTheSameInPlainAndStreamedAnswers() {
        post("{\"reply\":{\"reasoning\":\"Think first.\",\"content\":\"Done.\",\"finishReason\":\"length\","
                + "\"usage\":{\"promptTokens\":100,\"completionTokens\":7}}}");
        String plain = ask(user("Hi"), "\"parse_reasoning\":true").replace(MODEL, "zai-org/GLM-5.2");
        mock.authed().body(plain).post(CHAT).then().statusCode(200)
                .body("choices[0].message.reasoning_content", equalTo("Think first."))
                .body("choices[0].message.content", equalTo("Done."))
                .body("choices[0].finish_reason", equalTo("length"))
                .body("usage.prompt_tokens", equalTo(100)).body("usage.completion_tokens", equalTo(7))
                .body("usage.total_tokens", equalTo(107));
        String stream = plain.substring(0, plain.length() - 1) + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
        HttpResponse<String> streamed = mock.rawPost(CHAT, stream);
        assertThat(streamed.body()).contains("\"reasoning_content\":\"Think\"").contains("\"finish_reason\":\"length\"")
                .contains("\"prompt_tokens\":100,\"completion_tokens\":7,\"total_tokens\":107");
    }

    @Test
    void maxTokensStillCutsAScriptedAnswer() {
        post("{\"reply\":{\"content\":\"one two three four five\",\"finishReason\":\"stop\"}}");
        mock.authed().body(ask(user("Hi"), "\"max_tokens\":2")).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", equalTo("one two"))
                .body("choices[0].finish_reason", equalTo("length"));
    }

    @Test
    void theListShowsTheScenarioAsAddedWithItsShorthands() {
        post("{\"name\":\"n\",\"match\":{\"model\":\"" + MODEL + "\",\"lastUserMessage\":\"hi\","
                + "\"headers\":{\"x-a\":{\"regex\":\"b\"}}},\"sequence\":[{\"content\":\"a\"},{\"content\":\"b\"}]}");
        mock.bare().get("/__admin/scenarios").then().statusCode(200)
                .body("scenarios[0].name", equalTo("n"))
                .body("scenarios[0].match.model", equalTo(MODEL))
                .body("scenarios[0].match.lastUserMessage", equalTo("hi"))
                .body("scenarios[0].match.headers.x-a.regex", equalTo("b"))
                .body("scenarios[0].sequence[1].content", equalTo("b"))
                .body("scenarios[0].reply", nullValue())
                .body("scenarios[0].matched", equalTo(0));
    }

    static Stream<Arguments> badScenarios() {
        String reply = "\"reply\":{\"content\":\"x\"}";
        return Stream.of(
                arguments("{\"match\":{\"lastUserMessage\":{\"regex\":\"(unclosed\"}}," + reply + "}",
                        "match.lastUserMessage.regex", "not a valid regular expression"),
                arguments("{\"match\":{\"model\":{\"regex\":\"" + "a".repeat(1001) + "\"}}," + reply + "}",
                        "match.model.regex", "at most 1000 characters"),
                arguments("{\"match\":{\"model\":{\"equals\":\"a\",\"regex\":\"b\"}}," + reply + "}",
                        "match.model", "exactly one of equals, contains, regex"),
                arguments("{\"match\":{\"model\":{\"like\":\"a\"}}," + reply + "}", "match.model.like",
                        "known: contains, equals, ignoreCase, regex"),
                arguments("{\"match\":{\"headers\":{\"x\":{\"regex\":\"[\"}}}," + reply + "}",
                        "match.headers.x.regex", "not a valid regular expression"),
                arguments("{\"match\":{\"route\":\"cloud\"}," + reply + "}", "match.route", "one of container"),
                arguments("{\"match\":{\"messages\":[{\"role\":\"robot\",\"contains\":\"a\"}]}," + reply + "}",
                        "match.messages[0].role", "one of assistant"),
                arguments("{\"match\":{\"body\":[{\"pointer\":\"temperature\",\"equals\":0}]}," + reply + "}",
                        "match.body[0].pointer", "starts with '/'"),
                arguments("{\"match\":{\"body\":[{\"pointer\":\"/a\"}]}," + reply + "}",
                        "match.body[0].equals", "exactly one of equals, regex, exists"),
                arguments("{\"match\":{\"turn\":-1}," + reply + "}", "match.turn", ">= 0"),
                arguments("{\"match\":{\"stream\":\"yes\"}," + reply + "}", "match.stream", "must be a boolean"),
                arguments("{\"priority\":1000001," + reply + "}", "priority", "[-1000000, 1000000]"),
                arguments("{" + reply + ",\"sequence\":[{\"content\":\"y\"}]}", "sequence", "not both"),
                arguments("{\"sequence\":[]}", "sequence", "1 to 1000 answers"),
                arguments("{\"sequence\":[{\"content\":\"a\"},{}]}", "sequence[1].content", "required"),
                arguments("{\"reply\":{\"content\":\"a\",\"finishReason\":\"done\"}}", "reply.finishReason",
                        "one of stop, length, tool_calls"),
                arguments("{\"reply\":{\"content\":\"a\",\"usage\":{\"promptTokens\":-1}}}", "reply.usage.promptTokens",
                        "[0, 100000000]"),
                arguments("{\"reply\":{\"error\":{\"status\":200}}}", "reply.error.status", "[400, 599], got 200"),
                arguments("{\"reply\":{\"error\":{\"code\":500}}}", "reply.error.code",
                        "known: message, retryAfterSeconds, status"),
                arguments("{\"reply\":{\"content\":\"a\",\"error\":{}}}", "reply.content", "not with 'error'"),
                arguments("{\"reply\":{\"content\":\"a\",\"faults\":[{\"type\":\"explode\"}]}}", "reply.faults[0].type",
                        "unknown fault type 'explode'"),
                arguments("{\"reply\":{\"content\":\"a\",\"faults\":[{\"type\":\"latency\",\"firstTokenMs\":-5}]}}",
                        "reply.faults[0].firstTokenMs", "[0, 600000]"),
                arguments("{\"reply\":{\"content\":\"a\",\"faults\":[{\"type\":\"http_error\"}]}}", "reply.faults[0].type",
                        "use 'error'"),
                arguments("{\"reply\":{\"content\":\"a\",\"faults\":[{\"type\":\"drop_done\",\"times\":1}]}}",
                        "reply.faults[0].times", "known: none"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @MethodSource("badScenarios")
    void badScenariosAreRefusedNamingTheMember(String json, String member, String fragment) {
        mock.bare().contentType("application/json").body(json).post("/__admin/scenarios").then().statusCode(400)
                .body("error.code", equalTo("invalid_admin_request"))
                .body("error.param", equalTo(member))
                .body("message", startsWith(member + ": "))
                .body("message", containsString(fragment));
        mock.bare().get("/__admin/scenarios").then().body("scenarios", hasSize(0));
    }

    @Test
    void aRegexCannotMakeMatchingSlow() {
        // catastrophic for a backtracking engine; RE2/J runs it in linear time
        post("{\"match\":{\"lastUserMessage\":{\"regex\":\"^(a+)+$\"}},\"reply\":{\"content\":\"" + SCRIPTED + "\"}}");
        String evil = "a".repeat(50_000) + "!";
        mock.authed().body(ask(user(evil), "\"max_tokens\":4")).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", not(equalTo(SCRIPTED)));
        mock.authed().body(ask(user("aaaa"), "")).post(CHAT).then().statusCode(200)
                .body("choices[0].message.content", equalTo(SCRIPTED));
    }

    private static void post(String json) {
        mock.bare().contentType("application/json").body(json).post("/__admin/scenarios").then().statusCode(201);
    }
}
