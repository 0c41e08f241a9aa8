package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;
import io.friendlikit.mock.validation.ValidationContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage list: its order as docs/ARCHITECTURE.md gives it, and which stage ends an exchange. */
class ChatStagesTest {

    private final FaultRegistry faults = new FaultRegistry();
    private final Sessions sessions = new Sessions();
    private final ChatStages stages = new ChatStages(MockConfig.defaults(), Mappers.wire(), ModelCatalog.defaults(),
            faults, new ScenarioRegistry(), sessions);

    @Test
    void theArchitectureDocumentListsTheStagesInTheirOrder() throws Exception {
        Path doc = Path.of("..", "docs", "ARCHITECTURE.md");
        String text = Files.readString(doc);
        String section = text.substring(text.indexOf("## The stages"), text.indexOf("## Where faults attach"));
        Matcher m = Pattern.compile("(?m)^\\d+\\. \\*\\*([^*]+)\\*\\*").matcher(section);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        List<String> expected = new ArrayList<>(stages.names());
        expected.add("deliver");
        assertThat(documented).isEqualTo(expected);
    }

    private Outcome run(Map<String, String> headers, String body) {
        return stages.run(stages.begin(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                "/serverless/v1/chat/completions", headers, body.getBytes(StandardCharsets.UTF_8), false)));
    }

    @Test
    void anInjectedErrorComesBeforeAuthAndAuthBeforeTheBody() {
        faults.add(new Fault.HttpError(503, "down", null), 1);
        Outcome first = run(Map.of(), "not json");
        assertThat(first).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error().status()).isEqualTo(503));
        Outcome second = run(Map.of(), "not json");
        assertThat(second).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error().status()).isEqualTo(401));
        Outcome third = run(Map.of("authorization", "Bearer t"), "not json");
        assertThat(third).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error().message()).startsWith("invalid JSON payload"));
    }

    @Test
    void aBadControlHeaderIsRefusedBeforeAnInjectedError() {
        faults.add(new Fault.HttpError(503, "down", null), 1);
        Outcome bad = run(Map.of("x-mock-fault", "latency;firstTokenMs=-5"), "not json");
        assertThat(bad).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.error().status()).isEqualTo(400);
            assertThat(f.error().param()).isEqualTo("X-Mock-Fault");
            assertThat(f.error().message()).startsWith("X-Mock-Fault: firstTokenMs: must be an integer in [0, 600000]");
        });
        assertThat(faults.list()).as("the global fault waits for a request that reaches its phase").hasSize(1);
    }

    @Test
    void aSessionFaultIsUsedOnlyByThatSessionAndARequestFaultByNoRegistry() {
        sessions.open("a").faults().add(new Fault.HttpError(429, "a's", null), 1);
        String plain = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(run(Map.of("authorization", "Bearer t", "x-mock-session", "b"), plain))
                .isInstanceOf(Outcome.Plain.class);
        assertThat(run(Map.of("authorization", "Bearer t", "x-mock-session", "a", "x-mock-fault",
                "http_error;status=502"), plain)).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error().status()).isEqualTo(502));
        assertThat(sessions.find("a").orElseThrow().faults().list()).as("the request's own fault answered").hasSize(1);
        assertThat(run(Map.of("authorization", "Bearer t", "x-mock-session", "a"), plain))
                .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.error().status()).isEqualTo(429));
        assertThat(sessions.find("a").orElseThrow().faults().list()).isEmpty();
    }

    @Test
    void aStreamFaultWaitsUntilAStreamIsShaped() {
        faults.add(new Fault.StreamError(0, "boom"), 1);
        String plain = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(run(Map.of("authorization", "Bearer t"), plain)).isInstanceOf(Outcome.Plain.class);
        assertThat(faults.list()).hasSize(1);
        Outcome stream = run(Map.of("authorization", "Bearer t"), plain.replace("}]}", "}],\"stream\":true}"));
        assertThat(stream).isInstanceOfSatisfying(Outcome.Stream.class, s -> {
            assertThat(s.plan().errorAfter()).isZero();
            assertThat(s.plan().errorEvent()).contains("\"error\"").contains("boom");
        });
        assertThat(faults.list()).isEmpty();
    }
}
