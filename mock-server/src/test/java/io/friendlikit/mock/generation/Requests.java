package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.catalog.ModelInfo;
import io.friendlikit.mock.wire.ChatMessage;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.ResponseFormat;
import io.friendlikit.mock.wire.ToolCall;
import io.friendlikit.mock.wire.ToolChoice;
import io.friendlikit.mock.wire.ToolDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ChatRequest}s with the defaults of docs/api-notes.md §3.2 for generation tests. */
final class Requests {

    static final ObjectMapper JSON = new ObjectMapper();

    static final ModelInfo PLAIN = new ModelInfo("meta-llama-3.1-8b-instruct", "Llama 3.1 8B", 131072, 4096, false,
            List.of(), false, false, true, true, true, 1_700_000_000L, "test model");
    static final ModelInfo REASONING = new ModelInfo("zai-org/GLM-5.2", "GLM 5.2", 131072, 8192, true,
            List.of("high", "max"), true, true, true, true, true, 1_700_000_000L, "reasoning test model");

    private Requests() {
    }

    static Builder chat(String userText) {
        return new Builder().user(userText);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ChatMessage message(String role, String text) {
        return new ChatMessage(role, text, 0, List.of(), null, null, null);
    }

    static ToolDefinition tool(String name, String description, String parametersJson) {
        return new ToolDefinition(name, description, json(parametersJson));
    }

    static final class Builder {
        private String model = PLAIN.id();
        private final List<ChatMessage> messages = new ArrayList<>();
        private int n = 1;
        private Integer maxTokens;
        private int minTokens;
        private List<String> stop = List.of();
        private List<Long> seeds;
        private double temperature = 1.0;
        private int topK;
        private boolean logprobs;
        private Integer topLogprobs;
        private final List<ToolDefinition> tools = new ArrayList<>();
        private ToolChoice toolChoice = ToolChoice.AUTO;
        private boolean parallelToolCalls = true;
        private ResponseFormat responseFormat;
        private Boolean parseReasoning;
        private boolean includeReasoning = true;
        private String reasoningEffort;
        private Integer reasoningBudget;
        private final Map<String, Object> kwargs = new HashMap<>();

        Builder model(String id) {
            this.model = id;
            return this;
        }

        Builder user(String text) {
            messages.add(Requests.message("user", text));
            return this;
        }

        Builder message(ChatMessage m) {
            messages.add(m);
            return this;
        }

        Builder toolResult(String callId, String text) {
            messages.add(new ChatMessage("assistant", null, 0, List.of(new ToolCall(callId, "f", "{}")), null, null,
                    null));
            messages.add(new ChatMessage("tool", text, 0, List.of(), callId, null, null));
            return this;
        }

        Builder n(int value) {
            this.n = value;
            return this;
        }

        Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        Builder minTokens(int value) {
            this.minTokens = value;
            return this;
        }

        Builder stop(String... phrases) {
            this.stop = List.of(phrases);
            return this;
        }

        Builder seed(long seed) {
            this.seeds = List.of(seed);
            return this;
        }

        Builder seeds(Long... values) {
            this.seeds = List.of(values);
            return this;
        }

        Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        Builder topK(int value) {
            this.topK = value;
            return this;
        }

        Builder logprobs(Integer top) {
            this.logprobs = true;
            this.topLogprobs = top;
            return this;
        }

        Builder tool(ToolDefinition tool) {
            tools.add(tool);
            return this;
        }

        Builder toolChoice(ToolChoice choice) {
            this.toolChoice = choice;
            return this;
        }

        Builder parallelToolCalls(boolean value) {
            this.parallelToolCalls = value;
            return this;
        }

        Builder responseFormat(ResponseFormat format) {
            this.responseFormat = format;
            return this;
        }

        Builder jsonSchema(String schema) {
            return responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, json(schema), null));
        }

        Builder regex(String regex) {
            return responseFormat(new ResponseFormat(ResponseFormat.Type.REGEX, null, regex));
        }

        Builder parseReasoning(Boolean value) {
            this.parseReasoning = value;
            return this;
        }

        Builder includeReasoning(boolean value) {
            this.includeReasoning = value;
            return this;
        }

        Builder reasoningEffort(String value) {
            this.reasoningEffort = value;
            return this;
        }

        Builder reasoningBudget(Integer value) {
            this.reasoningBudget = value;
            return this;
        }

        Builder kwarg(String key, Object value) {
            kwargs.put(key, value);
            return this;
        }

        ChatRequest build() {
            return ChatRequest.builder().model(model).messages(messages).stream(false).includeUsage(false).n(n)
                    .maxTokens(maxTokens).minTokens(minTokens).stop(stop).seeds(seeds).temperature(temperature)
                    .topP(1.0).topK(topK).minP(0.0).frequencyPenalty(0.0).presencePenalty(0.0)
                    .repetitionPenalty(1.0).logprobs(logprobs).topLogprobs(topLogprobs).tools(tools)
                    .toolChoice(toolChoice).parallelToolCalls(parallelToolCalls).responseFormat(responseFormat)
                    .parseReasoning(parseReasoning).includeReasoning(includeReasoning)
                    .reasoningEffort(reasoningEffort).reasoningBudget(reasoningBudget).chatTemplateKwargs(kwargs)
                    .eosToken(List.of()).logitBias(Map.of()).build();
        }
    }
}
