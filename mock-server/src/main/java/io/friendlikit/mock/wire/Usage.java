package io.friendlikit.mock.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Token usage; {@code total_tokens} is prompt + completion unless a fault says otherwise. */
@JsonPropertyOrder({"prompt_tokens", "completion_tokens", "total_tokens"})
public record Usage(int promptTokens, int completionTokens, int totalTokens) {
}
