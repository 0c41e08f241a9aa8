package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A reply scripted through the admin API: the generator emits exactly this text and these calls (still
 * tokenized, so streaming, usage, max_tokens and logprobs behave as for generated text).
 */
public record CannedReply(String content, List<Call> toolCalls) {

    public CannedReply {
        toolCalls = List.copyOf(toolCalls);
    }

    /** A scripted function call; {@code arguments} is serialized compactly. */
    public record Call(String name, JsonNode arguments) {
    }
}
