package io.friendlikit.conformance;

import com.sun.net.httpserver.HttpServer;
import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit must catch a wrong server. Each test breaks the mock on purpose through its admin API, runs the
 * scenarios of one rule with the kit's own runner and checks that they fail with a message naming the rule
 * and what was wrong.
 */
class KitSelfTest {

    private MockServer mock;
    private String origin;

    @BeforeEach
    void startMock() {
        mock = MockServer.builder().port(0).seed(42L).build().start();
        String root = mock.baseUri().toString();
        origin = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    @ParameterizedTest(name = "fault {0} is caught by {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"drop_done\"}                   | @SSE-07  | SSE-07  | [DONE]",
            "{\"type\":\"data_after_done\"}             | @SSE-07  | SSE-07  | after data: [DONE]",
            "{\"type\":\"mixed_ids\"}                   | @SSE-04  | SSE-04  | one id shared by every chunk",
            "{\"type\":\"missing_role\"}                | @SSE-05  | SSE-05  | role",
            "{\"type\":\"malformed_chunk\",\"chunk\":1} | @SSE-03  | SSE-03  | chunk",
            "{\"type\":\"wrong_usage_total\",\"delta\":1} | @RESP-08 | RESP-08 | total_tokens",
            "{\"type\":\"skip_validation\"}             | @VAL-05 and not @mock-control | VAL-05 | expected HTTP 422",
            "{\"type\":\"http_error\",\"status\":503,\"message\":\"down\"} | @RESP-01 | RESP-01 | HTTP 200",
            "{\"type\":\"disconnect\",\"afterChunks\":1} | @SSE-07 | SSE-07  | [DONE]",
            "{\"type\":\"skip_validation\"}             | @TOOL-11 and not @costly | TOOL-11 | expected HTTP 422",
            "{\"type\":\"disconnect\",\"afterChunks\":3} | @REASON-02 | REASON-02 | message.reasoning_content"
    })
    void aBrokenServerFailsTheRuleItBreaks(String fault, String tags, String rule, String expectedText) throws Exception {
        HttpResponse<String> created = admin("POST", "/faults", fault);
        assertThat(created.statusCode()).as("admin accepted %s: %s", fault, created.body()).isEqualTo(201);

        KitRunner.RunResult result = runKit(tags);

        assertThat(result.failed()).as("scenarios failed for %s; outcomes %s", fault, result.outcomes()).isPositive();
        List<String> failures = result.outcomes().stream().filter(o -> o.status().equals("FAILED"))
                .map(KitRunner.Outcome::message).collect(Collectors.toList());
        assertThat(failures).allSatisfy(message -> assertThat(message).contains("[" + rule).contains("expected"));
        assertThat(failures).anySatisfy(message -> assertThat(message).contains(expectedText));
    }

    @Test
    void aHealthyMockPassesTheSameRules() {
        KitRunner.RunResult result = runKit("@SSE-07 or @SSE-04 or @RESP-08");
        assertThat(result.failed()).as("outcomes %s", result.outcomes()).isZero();
        assertThat(result.succeeded()).isPositive();
    }

    @Test
    void mockControlCostlyMockContractAndContainerScenariosAreSkippedWithAReasonOnAnotherServer() throws Exception {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = "{\"message\":\"nothing here\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        try {
            Map<Setting, String> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.BASE_URL, "http://127.0.0.1:" + plain.getAddress().getPort() + "/serverless/v1");
            KitRunner.RunResult result = Console.runKit(settings, "@CTL-02");
            assertThat(result.found()).isPositive();
            assertThat(result.failed()).isZero();
            assertThat(result.succeeded()).isZero();
            assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.message()).contains("mock admin API"));

            KitRunner.RunResult costly = Console.runKit(settings, "@RESP-06");
            assertThat(costly.found()).isPositive();
            assertThat(costly.skipped()).isEqualTo(costly.found());
            assertThat(costly.outcomes()).allSatisfy(o -> assertThat(o.message()).contains("@costly").contains("FRIENDLI_INCLUDE_COSTLY"));

            KitRunner.RunResult contract = Console.runKit(settings, "@mock-contract");
            assertThat(contract.found()).isPositive();
            assertThat(contract.skipped()).isEqualTo(contract.found());
            assertThat(contract.outcomes()).allSatisfy(o -> assertThat(o.message()).contains("@mock-contract").contains("other target"));

            KitRunner.RunResult container = Console.runKit(settings, "@container");
            assertThat(container.found()).isPositive();
            assertThat(container.skipped()).isEqualTo(container.found());
            assertThat(container.outcomes()).allSatisfy(o -> assertThat(o.message()).contains("FRIENDLI_CONTAINER_BASE_URL"));
        } finally {
            plain.stop(0);
        }
    }

    private KitRunner.RunResult runKit(String tags) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.BASE_URL, origin + "/serverless/v1");
        settings.put(Setting.ADMIN_URL, origin + "/__admin");
        return Console.runKit(settings, tags);
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/__admin" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
