package io.friendlikit.mock.engine;

import io.friendlikit.mock.generation.ChoiceOutput;
import io.friendlikit.mock.generation.GeneratedToolCall;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.generation.Token;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.ChatCompletion;
import io.friendlikit.mock.wire.Logprobs;
import io.friendlikit.mock.wire.Usage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Generation} into the plain answer or the chunks of a stream. Both come from the same tokens,
 * so the concatenated stream equals the plain answer and their usage agrees.
 *
 * <p>Stream layout per choice: the first chunk carries {@code role}; then one chunk per token (reasoning, then
 * content, then for each tool call a header fragment with id, type and name and empty arguments followed by one
 * fragment per argument token); then a finishing chunk with an empty delta and the finish_reason. Chunks of
 * different choices interleave round-robin by index. The usage chunk (choices {@code []}) comes last.
 */
public final class AnswerBuilder {

    private static final String ASSISTANT = "assistant";
    private static final String FUNCTION = "function";

    /** Everything about one answer besides the generation itself. */
    public record Meta(String id, long created, String model, boolean logprobs) {
    }

    public ChatCompletion plain(Generation generation, Meta meta, Usage usage) {
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (ChoiceOutput c : generation.choices()) {
            List<ChatCompletion.ToolCallOut> calls = null;
            if (!c.toolCalls().isEmpty()) {
                calls = new ArrayList<>();
                for (GeneratedToolCall call : c.toolCalls()) {
                    calls.add(new ChatCompletion.ToolCallOut(call.id(), FUNCTION,
                            new ChatCompletion.ToolCallOut.Function(call.name(), call.arguments())));
                }
            }
            ChatCompletion.Message message = new ChatCompletion.Message(ASSISTANT, c.contentText(),
                    c.reasoningText(), calls);
            Logprobs logprobs = meta.logprobs() ? logprobs(c.content()) : null;
            choices.add(new ChatCompletion.Choice(c.index(), message, c.finishReason().wire(), logprobs));
        }
        return new ChatCompletion(meta.id(), ChatCompletion.OBJECT, meta.created(), meta.model(), choices, usage);
    }

    /**
     * The chunks of the stream, each built when it is read (the list holds the generation, not the chunks): the
     * layout above, the usage chunk last when {@code usageOrNull} is given.
     */
    public ChunkList chunks(Generation generation, Meta meta, Usage usageOrNull) {
        return new Chunks(generation, meta, usageOrNull);
    }

    /** The stream of one generation; chunk {@code i} is found from the per-choice piece counts alone. */
    private static final class Chunks extends ChunkList {
        private final Generation generation;
        private final Meta meta;
        private final Usage usage;
        private final int[] pieces;
        private final int size;

        Chunks(Generation generation, Meta meta, Usage usage) {
            this.generation = generation;
            this.meta = meta;
            this.usage = usage;
            List<ChoiceOutput> choices = generation.choices();
            pieces = new int[choices.size()];
            int total = 0;
            for (int c = 0; c < pieces.length; c++) {
                pieces[c] = pieceCount(choices.get(c));
                total += pieces[c];
            }
            size = total + (usage != null ? 1 : 0);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public ChatChunk get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("chunk " + index + " of " + size);
            }
            if (usage != null && index == size - 1) {
                return chunk(meta, List.of(), usage);
            }
            // Round-robin by step: find the step the index falls in, then the choice within that step.
            int low = 0;
            int high = 0;
            for (int p : pieces) {
                high = Math.max(high, p);
            }
            while (low < high) { // the largest step whose first chunk is at or before index
                int mid = (low + high + 1) >>> 1;
                if (before(mid) <= index) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            int step = low;
            int k = index - before(step);
            for (int c = 0; c < pieces.length; c++) {
                if (pieces[c] > step && k-- == 0) {
                    ChoiceOutput choice = generation.choices().get(c);
                    return chunk(meta, List.of(piece(choice, step, pieces[c], meta.logprobs())), null);
                }
            }
            throw new IllegalStateException("no chunk " + index + " in a stream of " + size);
        }

        /** Chunks before step {@code step}: every choice contributes one per step it still has. */
        private int before(int step) {
            int sum = 0;
            for (int p : pieces) {
                sum += Math.min(p, step);
            }
            return sum;
        }

        @Override
        public long heldBytes() {
            long bytes = 256 + 4L * pieces.length;
            for (ChoiceOutput c : generation.choices()) {
                bytes += tokensBytes(c.reasoning()) + tokensBytes(c.content()) + 96;
                for (GeneratedToolCall call : c.toolCalls()) {
                    bytes += 128 + 2L * (call.id().length() + call.name().length()) + tokensBytes(call.argumentTokens());
                }
            }
            return bytes;
        }

        /** A token in memory: the record and its text, its list of alternatives and theirs. */
        private static long tokensBytes(List<Token> tokens) {
            long bytes = 16 + 4L * tokens.size();
            for (Token t : tokens) {
                bytes += 80 + 2L * t.text().length();
                if (!t.alternatives().isEmpty()) {
                    bytes += 16 + 4L * t.alternatives().size();
                    for (Token.Alternative a : t.alternatives()) {
                        bytes += 72 + 2L * a.text().length();
                    }
                }
            }
            return bytes;
        }
    }

    /** Pieces of one choice in the stream: its deltas (at least one) and the finishing piece. */
    private static int pieceCount(ChoiceOutput c) {
        int pieces = c.reasoning().size() + c.content().size();
        for (GeneratedToolCall call : c.toolCalls()) {
            pieces += 1 + call.argumentTokens().size();
        }
        return Math.max(1, pieces) + 1;
    }

    /** How many chunks {@link #chunks} will produce for this generation, without the usage chunk. */
    public long chunkCount(Generation generation) {
        long count = 0;
        for (ChoiceOutput c : generation.choices()) {
            count += pieceCount(c);
        }
        return count;
    }

    private static ChatChunk chunk(Meta meta, List<ChatChunk.ChunkChoice> choices, Usage usage) {
        return new ChatChunk(meta.id(), ChatChunk.OBJECT, meta.created(), meta.model(), choices, usage);
    }

    /** Piece {@code j} of a choice that has {@code count} pieces in all. */
    private static ChatChunk.ChunkChoice piece(ChoiceOutput c, int j, int count, boolean logprobs) {
        int index = c.index();
        if (j == count - 1) {
            return new ChatChunk.ChunkChoice(index, ChatChunk.Delta.EMPTY, c.finishReason().wire(), null);
        }
        String role = j == 0 ? ASSISTANT : null;
        int reasoning = c.reasoning().size();
        if (j < reasoning) {
            return piece(index, new ChatChunk.Delta(role, null, c.reasoning().get(j).text(), null), null);
        }
        int at = j - reasoning;
        if (at < c.content().size()) {
            Token t = c.content().get(at);
            Logprobs lp = logprobs ? logprobs(List.of(t)) : null;
            return piece(index, new ChatChunk.Delta(role, t.text(), null, null), lp);
        }
        at -= c.content().size();
        for (int k = 0; k < c.toolCalls().size(); k++) {
            GeneratedToolCall call = c.toolCalls().get(k);
            if (at == 0) {
                ChatChunk.ToolCallDelta header = new ChatChunk.ToolCallDelta(k, call.id(), FUNCTION,
                        new ChatChunk.ToolCallDelta.FunctionDelta(call.name(), ""));
                return piece(index, new ChatChunk.Delta(role, null, null, List.of(header)), null);
            }
            if (at <= call.argumentTokens().size()) {
                ChatChunk.ToolCallDelta fragment = new ChatChunk.ToolCallDelta(k, null, FUNCTION,
                        new ChatChunk.ToolCallDelta.FunctionDelta(null, call.argumentTokens().get(at - 1).text()));
                return piece(index, new ChatChunk.Delta(null, null, null, List.of(fragment)), null);
            }
            at -= 1 + call.argumentTokens().size();
        }
        // A choice with nothing to say still opens with the role.
        return piece(index, new ChatChunk.Delta(ASSISTANT, c.contentNull() ? null : "", null, null), null);
    }

    private static ChatChunk.ChunkChoice piece(int index, ChatChunk.Delta delta, Logprobs logprobs) {
        return new ChatChunk.ChunkChoice(index, delta, null, logprobs);
    }

    static Logprobs logprobs(List<Token> tokens) {
        List<Logprobs.Entry> entries = new ArrayList<>();
        for (Token t : tokens) {
            List<Logprobs.Top> top = new ArrayList<>();
            for (Token.Alternative a : t.alternatives()) {
                top.add(new Logprobs.Top(a.text(), a.logprob(), bytes(a.text())));
            }
            entries.add(new Logprobs.Entry(t.text(), t.logprob(), bytes(t.text()), top));
        }
        return new Logprobs(entries);
    }

    private static List<Integer> bytes(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> out = new ArrayList<>(raw.length);
        for (byte b : raw) {
            out.add(b & 0xff);
        }
        return out;
    }
}
