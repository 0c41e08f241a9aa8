package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.Usage;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serializes the chunks of a stream. The members before {@code choices} ({@code id}, {@code object},
 * {@code created}, {@code model}) are the same in nearly every chunk, so their JSON is written once and reused
 * while they stay equal; the result is byte-for-byte what serializing each chunk whole gives.
 *
 * <p>One generator and one buffer serve a whole stream: each chunk's text is the buffer's content after the chunk
 * is written, so a chunk costs its own string and little else (no writer, buffer and generator per member).
 */
final class ChunkWriter {

    private static final String CHOICES = "\"choices\":";
    private static final String USAGE = ",\"usage\":";

    private final ObjectMapper mapper;
    private final ObjectWriter choicesWriter;
    private final ObjectWriter usageWriter;

    ChunkWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.choicesWriter = mapper.writerFor(mapper.getTypeFactory()
                .constructCollectionType(List.class, ChatChunk.ChunkChoice.class));
        this.usageWriter = mapper.writerFor(Usage.class);
    }

    List<String> write(List<ChatChunk> chunks) throws JsonProcessingException {
        List<String> out = new ArrayList<>(chunks.size());
        StringWriter text = new StringWriter(512);
        StringBuffer buffer = text.getBuffer();
        try (JsonGenerator g = mapper.getFactory().createGenerator(text)) {
            // Each chunk's members are root values of this generator: nothing may be written between them.
            g.setRootValueSeparator(null);
            ChatChunk headOf = null;
            String head = null;
            for (ChatChunk c : chunks) {
                if (headOf == null || !sameHead(headOf, c)) {
                    headOf = c;
                    head = head(c);
                }
                buffer.setLength(0);
                g.writeRaw(head);
                choicesWriter.writeValue(g, c.choices());
                g.writeRaw(USAGE);
                usageWriter.writeValue(g, c.usage());
                g.writeRaw('}');
                g.flush();
                out.add(buffer.toString());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out;
    }

    private static boolean sameHead(ChatChunk a, ChatChunk b) {
        return a.created() == b.created() && a.id().equals(b.id()) && Objects.equals(a.model(), b.model());
    }

    /** The JSON of a chunk up to and including {@code "choices":}. */
    private String head(ChatChunk c) throws JsonProcessingException {
        String whole = mapper.writeValueAsString(new ChatChunk(c.id(), c.object(), c.created(), c.model(), List.of(),
                null));
        int at = whole.lastIndexOf(CHOICES); // last: a model name may itself contain the text
        if (at < 0) {
            throw new IllegalStateException("chunk JSON without a choices member: " + whole);
        }
        return whole.substring(0, at + CHOICES.length());
    }
}
