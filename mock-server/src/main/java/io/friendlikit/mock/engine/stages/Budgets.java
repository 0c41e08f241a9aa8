package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.Generator;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;

/**
 * The prompt fits the model's context (with max_tokens, if given), and the answer would not make the mock hold
 * more than {@link #GENERATION_LIMIT} tokens. Computes the prompt tokens and completion budget the generator uses.
 */
final class Budgets implements Stage {

    /** Most tokens (alternatives included) one answer may make the mock hold in memory. */
    static final long GENERATION_LIMIT = 2_000_000;
    /** Upper bound of a natural text answer with its reasoning, in tokens (see TextComposer, Generator). */
    private static final int NATURAL_CEILING = 1_000;

    private final Generator generator;

    Budgets(Generator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "budgets";
    }

    @Override
    public Verdict run(ExchangeState state) {
        ChatRequest request = state.request;
        int prompt = generator.promptTokens(request);
        if (state.model != null) {
            int context = state.model.contextLength();
            Integer max = request.maxTokens();
            if (prompt > context || (max != null && (long) prompt + max > context)) {
                return Verdict.fail(ApiError.contextLengthExceeded(max == null ? "messages" : "max_tokens", prompt,
                        max == null ? null : state.body().json().get("max_tokens").asLong(), context));
            }
        }
        int budget = Generator.budget(request, state.model, prompt);
        long worst = worstCaseTokens(request, budget);
        if (worst > GENERATION_LIMIT) {
            return Verdict.fail(ApiError.generationLimit(worst, GENERATION_LIMIT));
        }
        state.promptTokens = prompt;
        state.budget = budget;
        return Verdict.CONTINUE;
    }

    /**
     * The most tokens (logprob alternatives included) this request could make the mock hold: n choices of at most
     * the budget each — or, for plain text, of the natural length (with reasoning) unless min_tokens asks for more.
     */
    static long worstCaseTokens(ChatRequest request, int budget) {
        boolean unbounded = !request.tools().isEmpty() || (request.responseFormat() != null
                && request.responseFormat().type() != ResponseFormat.Type.TEXT);
        long perChoice = unbounded ? budget : Math.min(budget, Math.max(request.minTokens(), NATURAL_CEILING));
        return request.n() * perChoice * (1 + (request.topLogprobs() == null ? 0 : request.topLogprobs()));
    }
}
