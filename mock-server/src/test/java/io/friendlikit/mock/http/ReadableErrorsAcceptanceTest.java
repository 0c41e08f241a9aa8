package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Error answers a person can read: malformed JSON in a few words with its position, enum errors with choices. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadableErrorsAcceptanceTest {

    private static final String USER = "[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private TestServer mock;

    @BeforeAll
    void start() {
        mock = new TestServer(MockServer.builder().seed(3));
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    /** body, line and column where the parser stopped, a word of the reason. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("{\"model\":\"m\",\"messages\":[", 1, 26, "Unexpected end-of-input"),
                arguments("{\"model\":\"m\",\"messages\":[]]", 1, 27, "Unexpected close marker"),
                arguments("{\"model\":\"m\",\n\"messages\":\n [{\"role\":\"user\",}]}", 3, 18,
                        "double-quote to start field name"),
                arguments("{\"model\":\"m\",\"max_tokens\":tru}", 1, 27, "Unrecognized token 'tru'"),
                arguments("{\"model\":\"m\" \"messages\":[]}", 1, 14, "was expecting comma"),
                arguments("{\"model\":\"m\"} {}", 1, 15, "Trailing token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedJsonGivesTheReasonAndItsPositionOnce(String body, int line, int column, String reason) {
        Response answer = mock.authed().body(body).post(CHAT);
        answer.then().statusCode(422)
                .body("error.code", equalTo("invalid_json"))
                .body("error.param", nullValue())
                .body("violations.size()", equalTo(1))
                .body("violations[0].rule", equalTo("VAL-JSON"));
        String message = answer.path("message");
        assertThat(message).startsWith("invalid JSON payload: ").contains(reason)
                .endsWith("(line " + line + ", column " + column + ")")
                .doesNotContain("Source", "byte[]", "start marker", "REDACTED", "`", "com.fasterxml", "\n")
                .hasSizeLessThan(240);
        assertThat((String) answer.path("error.message")).isEqualTo(message);
        assertThat((String) answer.path("violations[0].message")).isEqualTo(message);
        assertThat(answer.asString()).as("the position is given once per message, not repeated inside it")
                .doesNotContain("line: ");
        assertThat(message.split("line ", -1)).hasSize(2);
    }

    @Test
    void tooDeepNestingNamesTheLimitWithoutTheParsersClassNames() {
        String deep = "{\"model\":\"" + MODEL + "\",\"messages\":" + USER + ",\"chat_template_kwargs\":{\"a\":"
                + "[".repeat(1500) + "]".repeat(1500) + "}}";
        String message = mock.authed().body(deep).post(CHAT).then().statusCode(422)
                .body("error.code", equalTo("invalid_json")).extract().path("message");
        assertThat(message).startsWith("invalid JSON payload: ").contains("nesting depth")
                .contains("exceeds the maximum allowed (1000)").doesNotContain("StreamReadConstraints", "`");
    }

    @Test
    void anEffortTheModelDoesNotOfferNamesTheFieldAndTheEffortsItDoes() {
        mock.authed().body("{\"model\":\"zai-org/GLM-5.2\",\"messages\":" + USER + ",\"reasoning_effort\":\"low\"}")
                .post(CHAT).then().statusCode(422)
                .body("message", equalTo("invalid JSON payload: unknown enum value: 'low'"))
                .body("error.param", equalTo("reasoning_effort"))
                .body("error.code", equalTo("unknown_enum"))
                .body("violations[0].param", equalTo("reasoning_effort"))
                .body("violations[0].rule", equalTo("X-REASONING-EFFORT"))
                .body("violations[0].allowed", equalTo(List.of("high", "max")));
    }

    @Test
    void anEffortOnAModelWithoutEffortsSaysNoneIsAccepted() {
        mock.authed().body("{\"model\":\"" + MODEL + "\",\"messages\":" + USER + ",\"reasoning_effort\":\"high\"}")
                .post(CHAT).then().statusCode(422)
                .body("message", equalTo("invalid JSON payload: unknown enum value: 'high'"))
                .body("error.param", equalTo("reasoning_effort"))
                .body("violations[0].allowed", equalTo(List.of()));
    }

    @Test
    void anEffortOutsideTheEnumListsTheEnum() {
        mock.authed().body("{\"model\":\"zai-org/GLM-5.2\",\"messages\":" + USER + ",\"reasoning_effort\":\"none\"}")
                .post(CHAT).then().statusCode(422)
                .body("message", equalTo("invalid JSON payload: unknown enum value: 'none'"))
                .body("error.param", equalTo("reasoning_effort"))
                .body("violations[0].rule", equalTo("VAL-ENUM"))
                .body("violations[0].allowed",
                        equalTo(List.of("minimal", "low", "medium", "high", "xhigh", "max", "ultracode")));
    }

    @Test
    void otherViolationsCarryNoAllowedList() {
        mock.authed().body(TestServer.body("\"top_p\":0")).post(CHAT).then().statusCode(422)
                .body("violations[0].rule", equalTo("VAL-RANGE"))
                .body("violations[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("allowed")));
    }
}
