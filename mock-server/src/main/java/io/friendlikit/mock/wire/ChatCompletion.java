package io.friendlikit.mock.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The plain (non-streaming) answer, docs/api-notes.md §8. Serialized with snake_case names. */
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage"})
public record ChatCompletion(String id, String object, long created,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String model, List<Choice> choices,
                             Usage usage) {

    public static final String OBJECT = "chat.completion";

    public ChatCompletion {
        choices = List.copyOf(choices);
    }

    /** One choice: index, message, finish_reason, logprobs (explicitly null when not requested). */
    @JsonPropertyOrder({"index", "message", "finish_reason", "logprobs"})
    public record Choice(int index, Message message, String finishReason, Logprobs logprobs) {
    }

    /** The assistant message; {@code content} is written even when null (tool-call answers). */
    @JsonPropertyOrder({"role", "content", "reasoning_content", "tool_calls"})
    public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) String content,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String reasoningContent,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<ToolCallOut> toolCalls) {
    }

    /** A complete tool call. */
    @JsonPropertyOrder({"id", "type", "function"})
    public record ToolCallOut(String id, String type, Function function) {
        /** Name and JSON argument text. */
        public record Function(String name, String arguments) {
        }
    }
}
