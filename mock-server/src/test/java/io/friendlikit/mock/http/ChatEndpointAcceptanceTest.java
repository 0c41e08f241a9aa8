package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.config.ErrorEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Set;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.MODEL;
import static io.friendlikit.mock.TestServer.body;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Routes, auth, body handling and the plain answer, through HTTP (issue 2, points 1, 2, 3 and 4). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatEndpointAcceptanceTest {

    private TestServer mock;

    @BeforeAll
    void start() {
        mock = new TestServer(MockServer.builder().seed(7).maxBodyBytes(4096));
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.server().reset();
    }

    @Nested
    class Routing {
        @Test
        void unknownPathIs404WithEnvelope() {
            mock.authed().get("/serverless/v2/chat/completions").then().statusCode(404)
                    .contentType("application/json")
                    .body("message", containsString("no route for GET /serverless/v2/chat/completions"))
                    .body("error.type", equalTo("not_found_error"))
                    .body("error.code", equalTo("route_not_found"));
        }

        @Test
        void wrongMethodIs405WithAllowHeader() {
            mock.authed().get(CHAT).then().statusCode(405).header("Allow", "POST")
                    .body("message", containsString("method GET is not allowed"))
                    .body("error.code", equalTo("method_not_allowed"));
        }

        @Test
        void modelsListHasCatalogueShapeWithoutAuth() {
            mock.bare().get("/serverless/v1/models").then().statusCode(200)
                    .body("data.id", hasItem(MODEL))
                    .body("data.id", hasItem("zai-org/GLM-5.2"))
                    .body("data.context_length", everyItem(greaterThan(0)))
                    .body("data[0].pricing.input", notNullValue())
                    .body("data[0].functionality.tool_call", equalTo(true))
                    .body("data.find { it.id == 'zai-org/GLM-5.2' }.reasoning", equalTo(true))
                    .body("data.find { it.id == 'zai-org/GLM-5.2' }.reasoning_options.reasoning_effort",
                            equalTo(java.util.List.of("high", "max")));
        }

        @Test
        void dedicatedRouteAcceptsKnownEndpointAndAdapter() {
            mock.authed().body("{\"model\":\"dep0mockendpt01\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post("/dedicated/v1/chat/completions").then().statusCode(200)
                    .body("model", equalTo("dep0mockendpt01"));
            mock.authed().body("{\"model\":\"dep0mockendpt01:my-adapter\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post("/dedicated/v1/chat/completions").then().statusCode(200)
                    .body("model", equalTo("dep0mockendpt01:my-adapter"));
        }

        @Test
        void dedicatedRouteRejectsUnknownEndpointWith404() {
            mock.authed().body("{\"model\":\"dep0doesnotexist\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post("/dedicated/v1/chat/completions").then().statusCode(404)
                    .body("error.code", equalTo("endpoint_not_found"))
                    .body("error.param", equalTo("model"))
                    .body("message", containsString("dep0doesnotexist"));
        }

        @Test
        void containerRouteNeedsNoAuthAndNoModel() {
            mock.bare().contentType("application/json")
                    .body("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post("/v1/chat/completions").then().statusCode(200)
                    .body("object", equalTo("chat.completion"))
                    .body("model", nullValue());
        }

        @Test
        void unknownServerlessModelIs404NamingTheModel() {
            mock.authed().body("{\"model\":\"no/such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post(CHAT).then().statusCode(404)
                    .body("message", containsString("model 'no/such-model' does not exist"))
                    .body("error.param", equalTo("model"))
                    .body("error.code", equalTo("model_not_found"));
        }
    }

    @Nested
    class Authentication {
        @Test
        void missingHeaderIs401() {
            mock.bare().contentType("application/json").body(body("")).post(CHAT).then().statusCode(401)
                    .body("message", containsString("missing Authorization header"))
                    .body("error.type", equalTo("authentication_error"));
        }

        @Test
        void emptyTokenIs401() {
            mock.bare().contentType("application/json").header("Authorization", "Bearer ")
                    .body(body("")).post(CHAT).then().statusCode(401)
                    .body("message", containsString("empty"));
        }

        @Test
        void otherSchemeIs401() {
            mock.bare().contentType("application/json").header("Authorization", "Basic dXNlcjpwYXNz")
                    .body(body("")).post(CHAT).then().statusCode(401)
                    .body("message", containsString("scheme must be Bearer, got 'Basic'"));
        }

        @Test
        void bearerSchemeIsCaseInsensitive() {
            mock.bare().contentType("application/json").header("Authorization", "bearer flp_abc")
                    .body(body("")).post(CHAT).then().statusCode(200);
        }

        @Test
        void dedicatedRouteNeedsAuthToo() {
            mock.bare().contentType("application/json")
                    .body("{\"model\":\"dep0mockendpt01\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                    .post("/dedicated/v1/chat/completions").then().statusCode(401);
        }

        @Test
        void explicitTokenListAndTeamAllowList() {
            try (TestServer strict = new TestServer(MockServer.builder().tokens(Set.of("flp_good"))
                    .teams(Set.of("team-a")))) {
                strict.bare().contentType("application/json").header("Authorization", "Bearer flp_bad")
                        .body(body("")).post(CHAT).then().statusCode(401)
                        .body("message", containsString("invalid token"));
                strict.bare().contentType("application/json").header("Authorization", "Bearer flp_good")
                        .body(body("")).post(CHAT).then().statusCode(200);
                strict.bare().contentType("application/json").header("Authorization", "Bearer flp_good")
                        .header("X-Friendli-Team", "team-a").body(body("")).post(CHAT).then().statusCode(200);
                strict.bare().contentType("application/json").header("Authorization", "Bearer flp_good")
                        .header("X-Friendli-Team", "team-b").body(body("")).post(CHAT).then().statusCode(403)
                        .body("message", containsString("team 'team-b'"))
                        .body("error.type", equalTo("permission_error"));
            }
        }

        @Test
        void teamHeaderIsRecordedInTheJournal() {
            mock.authed().header("X-Friendli-Team", "team-x").body(body("")).post(CHAT).then().statusCode(200);
            mock.bare().get("/__admin/journal").then().statusCode(200)
                    .body("entries[0].headers.x-friendli-team", equalTo("team-x"))
                    .body("entries[0].headers.authorization", org.hamcrest.Matchers.matchesPattern(
                            "Bearer test\\*\\*\\*#[0-9a-f]{6}"));
        }
    }

    @Nested
    class Bodies {
        @Test
        void malformedJsonIs422InvalidJsonPayload() {
            mock.authed().body("{\"model\": ").post(CHAT).then().statusCode(422)
                    .body("message", matchesPattern("invalid JSON payload: .+"))
                    .body("error.code", equalTo("invalid_json"))
                    .body("violations[0].rule", equalTo("VAL-JSON"));
        }

        @Test
        void trailingGarbageIs422() {
            mock.authed().body(body("") + " {}").post(CHAT).then().statusCode(422)
                    .body("message", containsString("invalid JSON payload"));
        }

        @Test
        void emptyBodyIs422() {
            mock.authed().body("").post(CHAT).then().statusCode(422)
                    .body("message", containsString("invalid JSON payload"));
        }

        @Test
        void nonJsonContentTypeIs422() {
            mock.bare().header("Authorization", "Bearer t").contentType("text/plain").body(body(""))
                    .post(CHAT).then().statusCode(422)
                    .body("message", containsString("Content-Type must be application/json"));
        }

        @Test
        void bodyAboveLimitIs413AndServerKeepsServing() {
            String big = body("\"stop\":[\"" + "x".repeat(5000) + "\"]");
            mock.authed().body(big).post(CHAT).then().statusCode(413)
                    .body("message", containsString("larger than the limit of 4096 bytes"));
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }

        @Test
        void hugeForcedGenerationIsRefusedAsAMockLimitAndServerKeepsServing() {
            mock.authed().body(body("\"n\":128,\"min_tokens\":8000,\"logprobs\":true,\"top_logprobs\":20"))
                    .post(CHAT).then().statusCode(422)
                    .body("error.code", equalTo("mock_limit_exceeded"))
                    .body("violations[0].rule", equalTo("MOCK-LIMIT"))
                    .body("message", containsString("a limit of the mock"));
            mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        }

        @Test
        void hugeStreamIsRefusedAsAMockLimit() {
            mock.authed().body(body("\"n\":16,\"min_tokens\":8192,\"stream\":true")).post(CHAT).then()
                    .statusCode(422)
                    .body("error.code", equalTo("mock_limit_exceeded"))
                    .body("error.param", equalTo("stream"))
                    .body("message", containsString("the mock streams at most 65536"));
            mock.authed().body(body("\"n\":16,\"min_tokens\":8192")).post(CHAT).then().statusCode(200);
        }

        @Test
        void schemaDemandingAnEnormousDocumentIsCutNotExhausting() {
            String schema = "{\"type\":\"array\",\"minItems\":4096,\"items\":{\"type\":\"array\","
                    + "\"minItems\":4096,\"items\":{\"type\":\"string\",\"minLength\":60000}}}";
            mock.authed().body(body("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"schema\":"
                            + schema + "}}")).post(CHAT).then().statusCode(200)
                    .body("choices[0].finish_reason", equalTo("length"))
                    .body("usage.completion_tokens", equalTo(8192));
        }

        @Test
        void maxTokensAboveTheModelCapIsClampedToIt() {
            var json = mock.authed().body(body("\"max_tokens\":100000,\"min_tokens\":9000,\"seed\":1"))
                    .post(CHAT).then().statusCode(200).extract().jsonPath();
            org.assertj.core.api.Assertions.assertThat(json.getInt("usage.completion_tokens")).isEqualTo(8192);
            org.assertj.core.api.Assertions.assertThat(json.getString("choices[0].finish_reason")).isEqualTo("length");
        }

        @Test
        void contextLengthMessageShowsTheValueSent() {
            mock.authed().body(body("\"max_tokens\":2147483648")).post(CHAT).then().statusCode(422)
                    .body("message", containsString("max_tokens (2147483648)"));
        }

        @Test
        void contextLengthIsEnforced() {
            String longText = "word ".repeat(300);
            mock.authed().body("{\"model\":\"friendli-mock/tiny-context\",\"messages\":[{\"role\":\"user\",\"content\":\""
                            + longText + "\"}]}").post(CHAT).then().statusCode(422)
                    .body("error.code", equalTo("context_length_exceeded"))
                    .body("error.param", equalTo("messages"));
            mock.authed().body("{\"model\":\"friendli-mock/tiny-context\",\"max_tokens\":255,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").post(CHAT).then().statusCode(422)
                    .body("error.param", equalTo("max_tokens"))
                    .body("message", containsString("must not exceed the model's context length of 256"));
        }
    }

    @Nested
    class PlainAnswer {
        @Test
        void hasDocumentedShape() {
            mock.authed().body(body("\"seed\":1")).post(CHAT).then().statusCode(200)
                    .contentType("application/json")
                    .body("id", matchesPattern("chatcmpl-[0-9a-f]{32}"))
                    .body("object", equalTo("chat.completion"))
                    .body("created", greaterThan(1_700_000_000))
                    .body("model", equalTo(MODEL))
                    .body("choices", hasSize(1))
                    .body("choices[0].index", equalTo(0))
                    .body("choices[0].message.role", equalTo("assistant"))
                    .body("choices[0].message.content", notNullValue())
                    .body("choices[0].finish_reason", equalTo("stop"))
                    .body("choices[0].logprobs", nullValue())
                    .body("usage.prompt_tokens", greaterThan(0))
                    .body("usage.completion_tokens", greaterThan(0));
        }

        @Test
        void totalIsPromptPlusCompletion() {
            var json = mock.authed().body(body("\"n\":3")).post(CHAT).then().statusCode(200).extract().jsonPath();
            int prompt = json.getInt("usage.prompt_tokens");
            int completion = json.getInt("usage.completion_tokens");
            org.assertj.core.api.Assertions.assertThat(json.getInt("usage.total_tokens")).isEqualTo(prompt + completion);
            org.assertj.core.api.Assertions.assertThat(json.getList("choices.index")).containsExactly(0, 1, 2);
        }

        @Test
        void sameSeededRequestGivesIdenticalBytes() {
            String request = body("\"seed\":42,\"n\":2");
            String first = mock.authed().body(request).post(CHAT).then().statusCode(200).extract().asString();
            String second = mock.authed().body(request).post(CHAT).then().statusCode(200).extract().asString();
            try (TestServer fixedClock = new TestServer(MockServer.builder().seed(7)
                    .clock(io.friendlikit.mock.config.MockConfig.fixedClock(1_735_722_153L)))) {
                String a = fixedClock.authed().body(request).post(CHAT).then().extract().asString();
                String b = fixedClock.authed().body(request).post(CHAT).then().extract().asString();
                org.assertj.core.api.Assertions.assertThat(a).isEqualTo(b).contains("\"created\":1735722153");
            }
            org.assertj.core.api.Assertions.assertThat(second.replaceAll("\"created\":\\d+", ""))
                    .isEqualTo(first.replaceAll("\"created\":\\d+", ""));
        }

        @Test
        void errorEnvelopeIsConfigurable() {
            try (TestServer messageOnly = new TestServer(MockServer.builder().errorEnvelope(ErrorEnvelope.MESSAGE));
                 TestServer openAiOnly = new TestServer(MockServer.builder().errorEnvelope(ErrorEnvelope.OPENAI))) {
                messageOnly.bare().contentType("application/json").body(body("")).post(CHAT).then().statusCode(401)
                        .body("message", notNullValue()).body("error", nullValue());
                openAiOnly.bare().contentType("application/json").body(body("")).post(CHAT).then().statusCode(401)
                        .body("message", nullValue()).body("error.message", notNullValue());
            }
        }
    }
}
