package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.engine.Mappers;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.Logprobs;
import io.friendlikit.mock.wire.Usage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast chunk serialization gives exactly the bytes of serializing each chunk whole. */
class ChunkWriterTest {

    private final ObjectMapper mapper = Mappers.wire();
    private final ChunkWriter writer = new ChunkWriter(mapper);

    @Property(tries = 500)
    void sameBytesAsWholeSerialization(@ForAll @StringLength(max = 20) String model,
                                       @ForAll @StringLength(max = 12) String text,
                                       @ForAll @IntRange(min = 1, max = 6) int count,
                                       @ForAll boolean changeIds) throws Exception {
        List<ChatChunk> chunks = new ArrayList<>();
        String[] models = {model, "\"choices\":[]", null};
        for (int i = 0; i < count; i++) {
            String id = changeIds ? "chatcmpl-" + i : "chatcmpl-same";
            ChatChunk.Delta delta = i == 0 ? new ChatChunk.Delta("assistant", text, null, null)
                    : new ChatChunk.Delta(null, text, "r" + i, List.of(new ChatChunk.ToolCallDelta(0, null, "function",
                    new ChatChunk.ToolCallDelta.FunctionDelta(null, "{\"a\":" + i + "}"))));
            Logprobs lp = i % 2 == 0 ? null : new Logprobs(List.of(new Logprobs.Entry(text, -0.5, List.of(1, 2),
                    List.of(new Logprobs.Top(text, -0.5, List.of(1, 2))))));
            chunks.add(new ChatChunk(id, ChatChunk.OBJECT, 1_700_000_000L + i / 3, models[i % 3],
                    List.of(new ChatChunk.ChunkChoice(i % 2, delta, i == count - 1 ? "stop" : null, lp)), null));
        }
        chunks.add(new ChatChunk("chatcmpl-same", ChatChunk.OBJECT, 1, model, List.of(), new Usage(1, 2, 3)));
        List<String> fast = writer.write(chunks);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(fast.get(i)).isEqualTo(mapper.writeValueAsString(chunks.get(i)));
        }
    }
}
