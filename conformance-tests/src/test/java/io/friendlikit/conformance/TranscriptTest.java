package io.friendlikit.conformance;

import io.friendlikit.conformance.json.Fixtures;
import io.friendlikit.conformance.schema.SchemaCatalog;
import io.friendlikit.conformance.sse.SseEvent;
import io.friendlikit.conformance.sse.SseParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorded transcript in fixtures/sse parses the same with any line ending and any read size, and its chunks fit the schema. */
class TranscriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aTranscriptParsesIntoChunksAndDone(String lineEnding) {
        String transcript = Fixtures.text("sse/usage-stream.sse").replace("\n", lineEnding);
        byte[] bytes = transcript.getBytes(StandardCharsets.UTF_8);
        for (int readSize : new int[]{1, 7, bytes.length}) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add, () -> Duration.ZERO);
            for (int offset = 0; offset < bytes.length; offset += readSize) {
                parser.feed(bytes, offset, Math.min(readSize, bytes.length - offset));
            }
            parser.finish();
            assertThat(events).hasSize(5);
            assertThat(events.get(4).isDone()).isTrue();
            assertThat(parser.comments()).containsExactly(" a comment line the client must ignore");
            SchemaCatalog schemas = new SchemaCatalog();
            events.subList(0, 4).forEach(e -> assertThat(schemas.check("chat.completion.chunk", e.data())).isEmpty());
        }
    }
}
