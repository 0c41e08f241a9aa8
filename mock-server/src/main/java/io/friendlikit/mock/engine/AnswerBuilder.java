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

    public List<ChatChunk> chunks(Generation generation, Meta meta, Usage usageOrNull) {
        List<List<ChatChunk.ChunkChoice>> perChoice = new ArrayList<>();
        for (ChoiceOutput c : generation.choices()) {
            perChoice.add(pieces(c, meta.logprobs()));
        }
        List<ChatChunk> chunks = new ArrayList<>();
        int longest = perChoice.stream().mapToInt(List::size).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (List<ChatChunk.ChunkChoice> pieces : perChoice) {
                if (step < pieces.size()) {
                    chunks.add(chunk(meta, List.of(pieces.get(step)), null));
                }
            }
        }
        if (usageOrNull != null) {
            chunks.add(chunk(meta, List.of(), usageOrNull));
        }
        return chunks;
    }

    /** How many chunks {@link #chunks} will produce for this generation, without the usage chunk. */
    public long chunkCount(Generation generation) {
        long count = 0;
        for (ChoiceOutput c : generation.choices()) {
            long pieces = c.reasoning().size() + c.content().size();
            for (GeneratedToolCall call : c.toolCalls()) {
                pieces += 1 + call.argumentTokens().size();
            }
            count += Math.max(1, pieces) + 1;
        }
        return count;
    }

    private static ChatChunk chunk(Meta meta, List<ChatChunk.ChunkChoice> choices, Usage usage) {
        return new ChatChunk(meta.id(), ChatChunk.OBJECT, meta.created(), meta.model(), choices, usage);
    }

    private static List<ChatChunk.ChunkChoice> pieces(ChoiceOutput c, boolean logprobs) {
        List<ChatChunk.ChunkChoice> out = new ArrayList<>();
        int index = c.index();
        for (Token t : c.reasoning()) {
            out.add(piece(index, new ChatChunk.Delta(role(out), null, t.text(), null), null));
        }
        for (Token t : c.content()) {
            Logprobs lp = logprobs ? logprobs(List.of(t)) : null;
            out.add(piece(index, new ChatChunk.Delta(role(out), t.text(), null, null), lp));
        }
        for (int k = 0; k < c.toolCalls().size(); k++) {
            GeneratedToolCall call = c.toolCalls().get(k);
            ChatChunk.ToolCallDelta header = new ChatChunk.ToolCallDelta(k, call.id(), FUNCTION,
                    new ChatChunk.ToolCallDelta.FunctionDelta(call.name(), ""));
            out.add(piece(index, new ChatChunk.Delta(role(out), null, null, List.of(header)), null));
            for (Token t : call.argumentTokens()) {
                ChatChunk.ToolCallDelta fragment = new ChatChunk.ToolCallDelta(k, null, FUNCTION,
                        new ChatChunk.ToolCallDelta.FunctionDelta(null, t.text()));
                out.add(piece(index, new ChatChunk.Delta(null, null, null, List.of(fragment)), null));
            }
        }
        if (out.isEmpty()) {
            out.add(piece(index, new ChatChunk.Delta(ASSISTANT, c.contentNull() ? null : "", null, null), null));
        }
        out.add(new ChatChunk.ChunkChoice(index, ChatChunk.Delta.EMPTY, c.finishReason().wire(), null));
        return out;
    }

    private static String role(List<ChatChunk.ChunkChoice> soFar) {
        return soFar.isEmpty() ? ASSISTANT : null;
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
