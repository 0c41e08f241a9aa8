package io.friendlikit.mock.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin client against a real mock, over HTTP only. */
class AdminClientTest {

    private MockServer mock;
    private AdminClient admin;
    private URI serverless;

    @BeforeEach
    void start() {
        mock = MockServer.builder().port(0).host("127.0.0.1").seed(3).build().start();
        admin = new AdminClient(URI.create(mock.baseUri() + "/"));
        serverless = mock.serverlessUri();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void healthNamesTheMock() {
        AdminClient.Health health = admin.health();
        assertThat(health).isEqualTo(new AdminClient.Health("ok", "friendli-mock", 0));
        assertThat(admin.root()).isEqualTo(mock.baseUri());
    }

    @Test
    void aFaultAddedThroughTheClientIsListedAppliedAndCountedDown() {
        String id = admin.addFault(FaultSpec.httpError(503).message("try later").retryAfterSeconds(2).times(2));

        assertThat(admin.faults()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(id);
            assertThat(f.type()).isEqualTo("http_error");
            assertThat(f.times()).isEqualTo(2);
            assertThat(f.parameters().get("status").asInt()).isEqualTo(503);
            assertThat(f.parameters().get("message").asText()).isEqualTo("try later");
        });
        HttpResponse<String> answer = Chat.post(serverless, Chat.VALID);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(admin.faults().get(0).times()).isEqualTo(1);
        Chat.post(serverless, Chat.VALID);
        assertThat(admin.faults()).isEmpty();
        assertThat(Chat.post(serverless, Chat.VALID).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsWithoutTimesStayUntilCleared() {
        admin.addFault(FaultSpec.dropDone());
        admin.addFault(FaultSpec.latency(5, 1));
        assertThat(admin.faults()).extracting(AdminClient.ActiveFault::type).containsExactly("drop_done", "latency");
        assertThat(admin.faults()).allSatisfy(f -> assertThat(f.times()).isNull());
        admin.clearFaults();
        assertThat(admin.faults()).isEmpty();
    }

    @Test
    void aBadFaultIsRefusedWithTheMocksMessage() {
        assertThatThrownBy(() -> admin.addFault(FaultSpec.httpError(200)))
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("POST /__admin/faults answered 400: ")
                .hasMessageContaining("status");
        assertThatThrownBy(() -> admin.addFault(FaultSpec.of("no_such_fault")))
                .isInstanceOf(AdminException.class).hasMessageContaining("no_such_fault");
        assertThat(admin.faults()).isEmpty();
    }

    @Test
    void everyFaultTypeOfTheAdminDocumentHasAFactoryTheMockAccepts() throws IOException {
        List<FaultSpec> factories = List.of(FaultSpec.httpError(500), FaultSpec.latency(0, 0),
                FaultSpec.skipValidation(), FaultSpec.wrongUsageTotal(2), FaultSpec.missingRole(),
                FaultSpec.mixedIds(), FaultSpec.malformedChunk(1), FaultSpec.dropDone(), FaultSpec.dataAfterDone(),
                FaultSpec.streamError(1, "boom"), FaultSpec.disconnect(1), FaultSpec.rateLimit(60),
                FaultSpec.stall(2), FaultSpec.trickle(8, 5).probability(0.5).seed(3));

        Set<String> covered = factories.stream().map(FaultSpec::type).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered)
                .as("fault types with a FaultSpec factory vs the Faults table of mock-server/ADMIN-API.md")
                .isEqualTo(documentedFaultTypes());
        for (FaultSpec spec : factories) {
            admin.addFault(spec);
        }
        assertThat(admin.faults()).extracting(AdminClient.ActiveFault::type)
                .containsExactlyElementsOf(factories.stream().map(FaultSpec::type).toList());
        AdminClient.ActiveFault trickle = admin.faults().get(factories.size() - 1);
        assertThat(trickle.parameters().get("probability").asDouble()).isEqualTo(0.5);
        assertThat(trickle.parameters().get("seed").asLong()).isEqualTo(3L);
    }

    @Test
    void theJournalTellsWhatWasSentAndWhatWasWrong() {
        Chat.post(serverless, Chat.VALID);
        Chat.post(serverless, Chat.BAD_TOP_P);
        Chat.post(URI.create(mock.baseUri() + "/v1"), Chat.VALID, null);

        List<AdminClient.JournalEntry> all = admin.journal();
        assertThat(all).extracting(AdminClient.JournalEntry::status).containsExactly(200, 422, 200);
        AdminClient.JournalEntry bad = all.get(1);
        assertThat(bad.method()).isEqualTo("POST");
        assertThat(bad.path()).isEqualTo("/serverless/v1/chat/completions");
        assertThat(bad.error()).isEqualTo("top_p must be in (0, 1], got 0");
        assertThat(bad.headers().get("authorization")).matches("Bearer flp_\\*\\*\\*#[0-9a-f]{6}");
        assertThat(bad.body().path("top_p").asInt()).isZero();
        assertThat(bad.receivedAt()).isNotNull();
        assertThat(bad.violations()).containsExactly(new AdminClient.Violation("top_p",
                "top_p must be in (0, 1], got 0", "out_of_range", "VAL-RANGE"));
        assertThat(bad.violations().get(0)).hasToString("top_p [VAL-RANGE, out_of_range]: top_p must be in (0, 1], got 0");
        assertThat(all.get(0).error()).isNull();
        assertThat(all.get(0).violations()).isEmpty();

        assertThat(admin.journal(AdminClient.JournalFilter.ALL.status(422))).containsExactly(bad);
        assertThat(admin.journal(AdminClient.JournalFilter.ALL.path("/v1/chat/completions")))
                .extracting(AdminClient.JournalEntry::id).containsExactly(all.get(2).id());
        assertThat(admin.journal(AdminClient.JournalFilter.ALL.last(2))).containsExactly(all.get(1), all.get(2));
        assertThat(admin.journal(AdminClient.JournalFilter.ALL.status(200).last(1))).containsExactly(all.get(2));

        admin.clearJournal();
        assertThat(admin.journal()).isEmpty();
    }

    @Test
    void aFaultAppliedIsInTheJournalEntry() {
        admin.addFault(FaultSpec.wrongUsageTotal(3).times(1));
        Chat.post(serverless, Chat.VALID);
        assertThat(admin.journal()).singleElement()
                .satisfies(e -> assertThat(e.faults()).containsExactly("wrong_usage_total"));
    }

    @Test
    void aScenarioScriptsTheAnswerAndResetClearsEverything() throws IOException {
        String id = admin.addScenario(ScenarioSpec.reply("It is sunny.").whenContains("weather")
                .forModel(Chat.MODEL).times(1));
        assertThat(admin.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.path("id").asText()).isEqualTo(id);
            assertThat(s.path("match").path("contains").asText()).isEqualTo("weather");
        });

        HttpResponse<String> answer = Chat.post(serverless, "{\"model\":\"" + Chat.MODEL + "\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"How is the WEATHER?\"}]}");
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("choices").path(0).path("message").path("content").asText()).isEqualTo("It is sunny.");
        assertThat(admin.scenarios()).as("times 1 used up").isEmpty();

        admin.addScenario(ScenarioSpec.toolCall("get_weather", Map.of("city", "Paris")));
        admin.addFault(FaultSpec.mixedIds());
        admin.reset();
        assertThat(admin.scenarios()).isEmpty();
        assertThat(admin.faults()).isEmpty();
        assertThat(admin.journal()).isEmpty();
    }

    @Test
    void aToolCallScenarioAnswersWithTheCall() throws IOException {
        admin.addScenario(ScenarioSpec.toolCall("get_weather", Map.of("city", "Paris"))
                .andToolCall("get_time", Map.of()));
        HttpResponse<String> answer = Chat.post(serverless, "{\"model\":\"" + Chat.MODEL + "\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}");
        JsonNode message = new ObjectMapper().readTree(answer.body()).path("choices").path(0);
        assertThat(message.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(message.path("message").path("tool_calls")).extracting(c -> c.path("function").path("name").asText())
                .containsExactly("get_weather", "get_time");
        assertThat(new ObjectMapper().readTree(message.path("message").path("tool_calls").path(0).path("function")
                .path("arguments").asText())).isEqualTo(new ObjectMapper().readTree("{\"city\":\"Paris\"}"));
    }

    @Test
    void aBadScenarioOrFilterIsRefused() {
        assertThatThrownBy(() -> admin.journal(AdminClient.JournalFilter.ALL.last(-1)))
                .isInstanceOf(AdminException.class).hasMessageContaining("last");
    }

    @Test
    void aClientGivenTheServerlessUriInsteadOfTheRootSaysSo() {
        AdminClient wrong = new AdminClient(serverless);
        assertThatThrownBy(wrong::health)
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("the client takes the mock's root");
    }

    @Test
    void anUnreachableMockIsReportedWithItsAddress() {
        URI root = mock.baseUri();
        mock.close();
        assertThatThrownBy(admin::health).isInstanceOfSatisfying(AdminException.class,
                e -> assertThat(e.status()).isZero()).hasMessageContaining("GET /__admin/health at " + root);
    }

    private static Set<String> documentedFaultTypes() throws IOException {
        String doc = Files.readString(Path.of("..", "mock-server", "ADMIN-API.md"));
        String section = doc.substring(doc.indexOf("## Faults"), doc.indexOf("## Scenarios"));
        String table = section.substring(section.indexOf("|---")); // the rows below the header
        Set<String> types = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(table);
        while (row.find()) {
            types.add(row.group(1));
        }
        assertThat(types).as("fault rows found in ADMIN-API.md").hasSizeGreaterThan(5);
        return types;
    }
}
