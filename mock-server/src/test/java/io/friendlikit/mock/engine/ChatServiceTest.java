package io.friendlikit.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.validation.ValidationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One exchange parses its body once, whichever stage ends it, and the journal keeps that body. */
class ChatServiceTest {

    /** The wire mapper, counting how often a body is parsed. */
    private static final class CountingMapper extends ObjectMapper {
        final AtomicInteger parses = new AtomicInteger();

        CountingMapper() {
            super(Mappers.wire());
        }

        @Override
        public JsonNode readTree(byte[] content) throws IOException {
            parses.incrementAndGet();
            return super.readTree(content);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "answered             | true  | {}                  | 200",
            "streamed             | true  | {\"stream\":true}   | 200",
            "refused at auth      | false | {}                  | 401",
            "refused by a rule    | true  | {\"top_p\":0}       | 422",
            "unknown model        | true  | {\"model\":\"nope\"} | 404"})
    void theBodyIsParsedOnce(String name, boolean authed, String extra, int status) throws IOException {
        CountingMapper mapper = new CountingMapper();
        Journal journal = new Journal(10);
        ChatService service = new ChatService(MockConfig.defaults(), mapper, ModelCatalog.defaults(),
                new FaultRegistry(), new ScenarioRegistry(), journal);
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) Mappers.wire().readTree(
                "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        body.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Mappers.wire().readTree(extra));
        Map<String, String> headers = authed ? Map.of("authorization", "Bearer t") : Map.of();
        Outcome outcome = service.handle(new Exchange(ValidationContext.Flavour.SERVERLESS, "POST",
                "/serverless/v1/chat/completions", headers, body.toString().getBytes(StandardCharsets.UTF_8), false));

        int answered = outcome instanceof Outcome.Failure f ? f.error().status() : 200;
        assertThat(answered).isEqualTo(status);
        assertThat(mapper.parses.get()).as("parses of the body").isEqualTo(1);
        Journal.Entry entry = journal.entries().get(0);
        assertThat(entry.status()).isEqualTo(status);
        assertThat(entry.body()).isEqualTo(body);
        assertThat(entry.stream()).isEqualTo(authed && body.path("stream").asBoolean(false));
    }
}
