package io.friendlikit.mock.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** ChatLogprobs of docs/api-notes.md §8: one entry per emitted content token. */
public record Logprobs(List<Entry> content) {

    public Logprobs {
        content = List.copyOf(content);
    }

    /** A token, its logprob, its UTF-8 bytes and the alternatives at its position. */
    @JsonPropertyOrder({"token", "logprob", "bytes", "top_logprobs"})
    public record Entry(String token, double logprob, List<Integer> bytes, List<Top> topLogprobs) {
    }

    /** An alternative at a position. */
    @JsonPropertyOrder({"token", "logprob", "bytes"})
    public record Top(String token, double logprob, List<Integer> bytes) {
    }
}
