package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.friendlikit.mock.delivery.Frames;
import io.friendlikit.mock.engine.ChunkList;
import io.friendlikit.mock.wire.ChatChunk;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serializes the chunks of a stream. The members before {@code choices} ({@code id}, {@code object},
 * {@code created}, {@code model}) are the same in nearly every chunk, so their JSON is written once and reused
 * while they stay equal; the result is byte-for-byte what serializing each chunk whole gives. Serializes a chunk
 * when its payload is read, not before.
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

    /**
     * The payloads of {@code chunks}, each serialized when it is read (a stream renders a frame when it is due).
     * A chunk that cannot be serialized fails the read with an {@link UncheckedIOException}.
     */
    Frames write(List<ChatChunk> chunks) {
        return new Frames() {
            /** The head of the chunk rendered last, reused while the next chunks share it. */
            private volatile Head last;

            @Override
            public String get(int index) {
                ChatChunk c = chunks.get(index);
                try {
                    Head h = last;
                    if (h == null || !sameHead(h.of(), c)) {
                        h = new Head(c, head(c));
                        last = h;
                    }
                    return new StringBuilder(512).append(h.text()).append(choicesWriter.writeValueAsString(c.choices()))
                            .append(",\"usage\":").append(usageWriter.writeValueAsString(c.usage())).append('}')
                            .toString();
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("cannot serialize chunk " + index, e);
                }
            }

            @Override
            public int size() {
                return chunks.size();
            }

            @Override
            public long heldBytes() {
                Head h = last;
                return ChunkList.heldBytes(chunks) + 64 + (h == null ? 256 : 2L * h.text().length());
            }
        };
    }

    private record Head(ChatChunk of, String text) {
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
