package io.friendlikit.mock.wire;

import java.util.List;
import java.util.Map;

/**
 * A validated chat completions request, bound from the JSON tree with every default of spec section 3.2
 * applied. Carries no behaviour.
 *
 * @param seeds null when the request gave no seed; otherwise one entry (int seed) or the list as sent
 */
public record ChatRequest(
        String model,
        List<ChatMessage> messages,
        boolean stream,
        boolean includeUsage,
        int n,
        Integer maxTokens,
        int minTokens,
        List<String> stop,
        List<Long> seeds,
        double temperature,
        double topP,
        int topK,
        double minP,
        double frequencyPenalty,
        double presencePenalty,
        double repetitionPenalty,
        boolean logprobs,
        Integer topLogprobs,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Boolean parseReasoning,
        boolean includeReasoning,
        String reasoningEffort,
        Integer reasoningBudget,
        Map<String, Object> chatTemplateKwargs,
        List<Long> eosToken,
        Map<String, Double> logitBias) {

    /** Largest n (a guess: the spec documents no cap; OpenAI's is 128). Validated, and enforced by the binder. */
    public static final int MAX_N = 128;
    /** Largest top_logprobs (a guess, as OpenAI's). Validated, and enforced by the binder. */
    public static final int MAX_TOP_LOGPROBS = 20;

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
        seeds = seeds == null ? null : List.copyOf(seeds);
        tools = List.copyOf(tools);
        chatTemplateKwargs = Map.copyOf(chatTemplateKwargs);
        eosToken = List.copyOf(eosToken);
        logitBias = Map.copyOf(logitBias);
    }

    /** The seed of choice {@code index}: the list entry, or the single seed plus the index, or null. */
    public Long seedFor(int index) {
        if (seeds == null || seeds.isEmpty()) {
            return null;
        }
        if (seeds.size() == 1) {
            return seeds.get(0) + index;
        }
        return seeds.get(Math.min(index, seeds.size() - 1));
    }
}
