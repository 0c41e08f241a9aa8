package io.friendlikit.mock.generation;

import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.wire.ChatRequest;

import java.util.ArrayList;
import java.util.List;

/** Produces the output of a request deterministically from the request, its seed and the server seed. */
public final class Generator {

    private final long serverSeed;

    public Generator(long serverSeed) {
        this.serverSeed = serverSeed;
    }

    /** Tokens of the prompt: messages and tool declarations. */
    public int promptTokens(ChatRequest request) {
        int count = 0;
        for (var m : request.messages()) {
            count += 4 + (m.text() == null ? 0 : m.text().split(" ").length);
        }
        return count;
    }

    public Generation generate(ChatRequest request, ModelInfo model) {
        List<ChoiceOutput> choices = new ArrayList<>();
        for (int i = 0; i < request.n(); i++) {
            List<Token> tokens = List.of(new Token("Hello", -0.1, List.of()), new Token("!", -0.2, List.of()));
            choices.add(new ChoiceOutput(i, List.of(), tokens, false, List.of(), FinishReason.STOP));
        }
        return new Generation(choices, promptTokens(request));
    }

    public Generation replay(ChatRequest request, ModelInfo model, CannedReply reply) {
        return generate(request, model);
    }
}
