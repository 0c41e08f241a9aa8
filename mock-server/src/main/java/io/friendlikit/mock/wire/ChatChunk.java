package io.friendlikit.mock.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One streamed chunk, docs/api-notes.md §9.2. {@code usage} is written as null except on the usage chunk. */
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage"})
public record ChatChunk(String id, String object, long created,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String model, List<ChunkChoice> choices,
                        @JsonInclude(JsonInclude.Include.ALWAYS) Usage usage) {

    public static final String OBJECT = "chat.completion.chunk";

    public ChatChunk {
        choices = List.copyOf(choices);
    }

    /** A choice's piece: index, delta, finish_reason and logprobs (both written even when null). */
    @JsonPropertyOrder({"index", "delta", "finish_reason", "logprobs"})
    public record ChunkChoice(int index, Delta delta,
                              @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
                              @JsonInclude(JsonInclude.Include.ALWAYS) Logprobs logprobs) {
    }

    /** The delta: only the members that carry something are written; the finishing delta is {@code {}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"role", "content", "reasoning_content", "tool_calls"})
    public record Delta(String role, String content, String reasoningContent, List<ToolCallDelta> toolCalls) {
        public static final Delta EMPTY = new Delta(null, null, null, null);
    }

    /** A tool-call fragment: the first for an index carries id and name, later ones only argument text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"index", "id", "type", "function"})
    public record ToolCallDelta(int index, String id, String type, FunctionDelta function) {
        /** Name (first fragment only) and a piece of the argument text. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyOrder({"name", "arguments"})
        public record FunctionDelta(String name, String arguments) {
        }
    }
}
