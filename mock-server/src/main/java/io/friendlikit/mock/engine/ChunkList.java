package io.friendlikit.mock.engine;

import io.friendlikit.mock.wire.ChatChunk;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;

/**
 * The chunks of a stream as a list that builds each chunk when it is read, from the state it was made from; so a
 * stream waiting for its next chunk holds that state, not the chunks. Reading a chunk twice builds it twice, equal.
 */
public abstract class ChunkList extends AbstractList<ChatChunk> implements RandomAccess {

    /** Bytes a materialized chunk is counted at when a list is not a chunk list (a fault built it whole). */
    static final long MATERIALIZED_CHUNK_BYTES = 1_024;

    /** Memory this list holds until the stream ends (an estimate). */
    public abstract long heldBytes();

    /** What any list of chunks holds: its estimate, or the flat rate per chunk of a materialized list. */
    public static long heldBytes(List<ChatChunk> chunks) {
        return chunks instanceof ChunkList lazy ? lazy.heldBytes() : MATERIALIZED_CHUNK_BYTES * chunks.size();
    }

    /** {@code chunks} with each chunk rewritten by {@code change(index, chunk)} when it is read. */
    public static ChunkList mapped(List<ChatChunk> chunks, IndexedChange change) {
        return new ChunkList() {
            @Override
            public ChatChunk get(int index) {
                return change.apply(index, chunks.get(index));
            }

            @Override
            public int size() {
                return chunks.size();
            }

            @Override
            public long heldBytes() {
                return ChunkList.heldBytes(chunks) + 32;
            }
        };
    }

    /** {@code chunks} with every chunk rewritten by {@code change}. */
    public static ChunkList mapped(List<ChatChunk> chunks, UnaryOperator<ChatChunk> change) {
        return mapped(chunks, (index, chunk) -> change.apply(chunk));
    }

    /** A change that may depend on the chunk's position. */
    @FunctionalInterface
    public interface IndexedChange {
        ChatChunk apply(int index, ChatChunk chunk);
    }
}
