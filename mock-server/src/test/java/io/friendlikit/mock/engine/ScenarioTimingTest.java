package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.generation.CannedReply;
import io.friendlikit.mock.script.Answer;
import io.friendlikit.mock.script.Condition;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.Scenario;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;
import io.friendlikit.mock.script.TextRule;
import io.friendlikit.mock.metrics.ExchangeObserver;
import io.friendlikit.mock.validation.ValidationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's timing replaces the server's timing model for its exchange: the delays the pacing stage hands to the
 * HTTP layer (no clock involved), under the server's load factor, seeded like the server's, below latency faults.
 */
class ScenarioTimingTest {

    private static final TimingModel SCRIPTED = new TimingModel(300, 2, 40, 5, 1, 1);

    private final AtomicInteger openStreams = new AtomicInteger();
    private final ScenarioRegistry scenarios = new ScenarioRegistry();
    private final ChatService service = new ChatService(new MockConfig.Builder()
            .set(Setting.FIRST_TOKEN_MS, 50L).set(Setting.INTER_TOKEN_MS, 10L)
            .set(Setting.LOAD_FACTOR, 3.0).set(Setting.FULL_LOAD_STREAMS, 2).build(),
            Mappers.wire(), ModelCatalog.defaults(), new FaultRegistry(), scenarios, new Sessions(), new Journal(10),
            ExchangeObserver.NONE, openStreams::get);

    private void script(String word, TimingModel timing, List<Fault> faults) {
        Answer answer = new Answer(new CannedReply("A scripted answer.", List.of()), null, faults, timing);
        scenarios.add(new Scenario(word, 0, List.of(new Condition.LastUserMessage(TextRule.containing(word, true))),
                List.of(answer), null, null), null);
    }

    private Outcome ask(String text, boolean stream) {
        String body = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + text + "\"}]" + (stream ? ",\"stream\":true" : "") + "}";
        return service.handle(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                "/serverless/v1/chat/completions", Map.of("authorization", "Bearer t"),
                body.getBytes(StandardCharsets.UTF_8), false));
    }

    private static int promptTokens(Outcome plain) throws IOException {
        JsonNode json = Mappers.wire().readTree(((Outcome.Plain) plain).json());
        return json.path("usage").path("prompt_tokens").asInt();
    }

    @Test
    void theScenariosTimingReplacesTheServersForItsExchangeOnly() throws IOException {
        script("slow", SCRIPTED, List.of());
        Outcome generated = ask("Hello there", false);
        assertThat(generated.pacing().firstTokenMs()).as("the server's model").isEqualTo(50);
        assertThat(generated.pacing().interTokenMs()).isEqualTo(10);

        Outcome plain = ask("be slow please", false);
        int prompt = promptTokens(plain);
        assertThat(prompt).isPositive();
        assertThat(plain.pacing().firstTokenMs()).isEqualTo(300 + 2L * prompt);
        assertThat(plain.pacing().interTokenMs()).isEqualTo(40);
        assertThat(plain.pacing().jitterMs()).isEqualTo(5.0);
        Outcome streamed = ask("be slow please", true);
        assertThat(streamed).isInstanceOf(Outcome.Stream.class);
        assertThat(streamed.pacing().interTokenMs()).isEqualTo(40);
    }

    @Test
    void theJitterIsSeededByTheRequest() {
        script("slow", SCRIPTED, List.of());
        Pacing once = ask("be slow please", true).pacing();
        Pacing again = ask("be slow please", true).pacing();
        Pacing other = ask("be slow, other words", true).pacing();
        assertThat(again).isEqualTo(once);
        assertThat(again.schedule(20).dueMs(19)).isEqualTo(once.schedule(20).dueMs(19));
        assertThat(other.seed()).isNotEqualTo(once.seed());
    }

    @Test
    void theServersLoadFactorStillApplies() throws IOException {
        script("slow", SCRIPTED, List.of());
        openStreams.set(2);
        Outcome loaded = ask("be slow please", false);
        assertThat(loaded.pacing().firstTokenMs()).isEqualTo(3 * (300 + 2L * promptTokens(loaded)));
        assertThat(loaded.pacing().interTokenMs()).isEqualTo(120);
        assertThat(loaded.pacing().jitterMs()).isEqualTo(15.0);
    }

    @Test
    void anEmptyTimingIsNoDelayAndALatencyFaultActsOnTop() {
        script("quick", TimingModel.OFF, List.of());
        script("slow", SCRIPTED, List.of(new Fault.Latency(7, 3)));
        assertThat(ask("be quick", false).pacing().paced()).isFalse();
        Pacing faulted = ask("be slow please", true).pacing();
        assertThat(faulted.firstTokenMs()).isEqualTo(7);
        assertThat(faulted.interTokenMs()).isEqualTo(3);
    }
}
