package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.friendlikit.mock.wire.ChatChunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Serializes the chunks of a stream. The members before {@code choices} ({@code id}, {@code object},
 * {@code created}, {@code model}) are the same in nearly every chunk, so their JSON is written once and reused
 * while they stay equal; the result is byte-for-byte what serializing each chunk whole gives.
 */
final class ChunkWriter {

    private static final String CHOICES = "\"choices\":";

    private final ObjectMapper mapper;
    private final ObjectWriter choicesWriter;
    private final ObjectWriter usageWriter;

    ChunkWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.choicesWriter = mapper.writerFor(mapper.getTypeFactory()
                .constructCollectionType(List.class, ChatChunk.ChunkChoice.class));
        this.usageWriter = mapper.writerFor(io.friendlikit.mock.wire.Usage.class);
    }

    List<String> write(List<ChatChunk> chunks) throws JsonProcessingException {
        List<String> out = new ArrayList<>(chunks.size());
        ChatChunk headOf = null;
        String head = null;
        StringBuilder sb = new StringBuilder(512);
        for (ChatChunk c : chunks) {
            if (headOf == null || !sameHead(headOf, c)) {
                headOf = c;
                head = head(c);
            }
            sb.setLength(0);
            sb.append(head).append(choicesWriter.writeValueAsString(c.choices()))
                    .append(",\"usage\":").append(usageWriter.writeValueAsString(c.usage())).append('}');
            out.add(sb.toString());
        }
        return out;
    }

    private static boolean sameHead(ChatChunk a, ChatChunk b) {
        return a.created() == b.created() && a.id().equals(b.id()) && java.util.Objects.equals(a.model(), b.model());
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
