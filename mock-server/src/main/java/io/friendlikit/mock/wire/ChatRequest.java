package io.friendlikit.mock.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated chat completions request with every default applied. Carries no behaviour. Built only through
 * {@link #builder()}, whose setters are named after the components, so two values of one type cannot trade
 * places unnoticed; {@code io.friendlikit.mock.request.RequestBinder} binds one from the JSON body, row by row
 * of the field table.
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

    /** Largest n (a guess: the API documents no cap; OpenAI's is 128). Validated, and enforced by the binder. */
    public static final int MAX_N = 128;
    /** Largest top_logprobs (a guess, as OpenAI's). Validated, and enforced by the binder. */
    public static final int MAX_TOP_LOGPROBS = 20;

    private static final String[] COMPONENTS = java.util.Arrays.stream(ChatRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toArray(String[]::new);

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = List.copyOf(stop);
        seeds = seeds == null ? null : List.copyOf(seeds);
        tools = List.copyOf(tools);
        chatTemplateKwargs = Map.copyOf(chatTemplateKwargs);
        eosToken = List.copyOf(eosToken);
        logitBias = Map.copyOf(logitBias);
    }

    /** A builder on which every component must be set, once or more, before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
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

    /**
     * Names every component. It has no defaults of its own (the field table owns them): {@link #build()} refuses
     * to build while a component was never set, naming it.
     */
    public static final class Builder {
        private String model;
        private List<ChatMessage> messages;
        private boolean stream;
        private boolean includeUsage;
        private int n;
        private Integer maxTokens;
        private int minTokens;
        private List<String> stop;
        private List<Long> seeds;
        private double temperature;
        private double topP;
        private int topK;
        private double minP;
        private double frequencyPenalty;
        private double presencePenalty;
        private double repetitionPenalty;
        private boolean logprobs;
        private Integer topLogprobs;
        private List<ToolDefinition> tools;
        private ToolChoice toolChoice;
        private boolean parallelToolCalls;
        private ResponseFormat responseFormat;
        private Boolean parseReasoning;
        private boolean includeReasoning;
        private String reasoningEffort;
        private Integer reasoningBudget;
        private Map<String, Object> chatTemplateKwargs;
        private List<Long> eosToken;
        private Map<String, Double> logitBias;
        private final boolean[] set = new boolean[COMPONENTS.length];

        private Builder() {
        }

        public Builder model(String value) {
            model = value;
            return mark(0);
        }

        public Builder messages(List<ChatMessage> value) {
            messages = value;
            return mark(1);
        }

        public Builder stream(boolean value) {
            stream = value;
            return mark(2);
        }

        public Builder includeUsage(boolean value) {
            includeUsage = value;
            return mark(3);
        }

        public Builder n(int value) {
            n = value;
            return mark(4);
        }

        public Builder maxTokens(Integer value) {
            maxTokens = value;
            return mark(5);
        }

        public Builder minTokens(int value) {
            minTokens = value;
            return mark(6);
        }

        public Builder stop(List<String> value) {
            stop = value;
            return mark(7);
        }

        public Builder seeds(List<Long> value) {
            seeds = value;
            return mark(8);
        }

        public Builder temperature(double value) {
            temperature = value;
            return mark(9);
        }

        public Builder topP(double value) {
            topP = value;
            return mark(10);
        }

        public Builder topK(int value) {
            topK = value;
            return mark(11);
        }

        public Builder minP(double value) {
            minP = value;
            return mark(12);
        }

        public Builder frequencyPenalty(double value) {
            frequencyPenalty = value;
            return mark(13);
        }

        public Builder presencePenalty(double value) {
            presencePenalty = value;
            return mark(14);
        }

        public Builder repetitionPenalty(double value) {
            repetitionPenalty = value;
            return mark(15);
        }

        public Builder logprobs(boolean value) {
            logprobs = value;
            return mark(16);
        }

        public Builder topLogprobs(Integer value) {
            topLogprobs = value;
            return mark(17);
        }

        public Builder tools(List<ToolDefinition> value) {
            tools = value;
            return mark(18);
        }

        public Builder toolChoice(ToolChoice value) {
            toolChoice = value;
            return mark(19);
        }

        public Builder parallelToolCalls(boolean value) {
            parallelToolCalls = value;
            return mark(20);
        }

        public Builder responseFormat(ResponseFormat value) {
            responseFormat = value;
            return mark(21);
        }

        public Builder parseReasoning(Boolean value) {
            parseReasoning = value;
            return mark(22);
        }

        public Builder includeReasoning(boolean value) {
            includeReasoning = value;
            return mark(23);
        }

        public Builder reasoningEffort(String value) {
            reasoningEffort = value;
            return mark(24);
        }

        public Builder reasoningBudget(Integer value) {
            reasoningBudget = value;
            return mark(25);
        }

        public Builder chatTemplateKwargs(Map<String, Object> value) {
            chatTemplateKwargs = value;
            return mark(26);
        }

        public Builder eosToken(List<Long> value) {
            eosToken = value;
            return mark(27);
        }

        public Builder logitBias(Map<String, Double> value) {
            logitBias = value;
            return mark(28);
        }

        /** @throws IllegalStateException naming the components that were never set */
        public ChatRequest build() {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    missing.add(COMPONENTS[i]);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("ChatRequest components never set: " + missing);
            }
            return new ChatRequest(model, messages, stream, includeUsage, n, maxTokens, minTokens, stop, seeds,
                    temperature, topP, topK, minP, frequencyPenalty, presencePenalty, repetitionPenalty, logprobs,
                    topLogprobs, tools, toolChoice, parallelToolCalls, responseFormat, parseReasoning, includeReasoning,
                    reasoningEffort, reasoningBudget, chatTemplateKwargs, eosToken, logitBias);
        }

        private Builder mark(int component) {
            set[component] = true;
            return this;
        }
    }
}
