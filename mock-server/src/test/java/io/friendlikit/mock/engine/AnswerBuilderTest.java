package io.friendlikit.mock.engine;

import io.friendlikit.mock.generation.ChoiceOutput;
import io.friendlikit.mock.generation.FinishReason;
import io.friendlikit.mock.generation.GeneratedToolCall;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.generation.Token;
import io.friendlikit.mock.wire.Usage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** chunkCount (used to refuse over-long streams before building them) agrees with the chunks really built. */
class AnswerBuilderTest {

    private final AnswerBuilder builder = new AnswerBuilder();

    private static List<Token> tokens(int count) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Token(" t" + i, -0.1, List.of()));
        }
        return out;
    }

    @Property(tries = 300)
    void chunkCountMatchesTheChunksBuilt(@ForAll @IntRange(max = 4) int reasoning,
                                         @ForAll @IntRange(max = 6) int content,
                                         @ForAll @IntRange(max = 3) int calls,
                                         @ForAll @IntRange(max = 4) int argumentTokens,
                                         @ForAll @IntRange(min = 1, max = 4) int choices) {
        List<ChoiceOutput> outputs = new ArrayList<>();
        for (int i = 0; i < choices; i++) {
            List<GeneratedToolCall> toolCalls = new ArrayList<>();
            for (int k = 0; k < calls; k++) {
                toolCalls.add(new GeneratedToolCall("call_" + k, "f" + k, tokens(argumentTokens)));
            }
            outputs.add(new ChoiceOutput(i, tokens(reasoning), tokens(calls > 0 ? 0 : content), calls > 0,
                    toolCalls, calls > 0 ? FinishReason.TOOL_CALLS : FinishReason.STOP));
        }
        Generation generation = new Generation(outputs, 5);
        AnswerBuilder.Meta meta = new AnswerBuilder.Meta("chatcmpl-x", 1L, "m", false);
        assertThat(builder.chunks(generation, meta, null)).hasSize((int) builder.chunkCount(generation));
        assertThat(builder.chunks(generation, meta, new Usage(1, 2, 3)))
                .hasSize((int) builder.chunkCount(generation) + 1);
    }
}
