package io.friendlikit.mock.config;

/** When a stream carries the usage chunk (docs/api-notes.md §13, question 7). */
public enum UsageChunk {
    /** Only when the request sets {@code stream_options.include_usage: true}. */
    REQUESTED,
    /** In every stream. */
    ALWAYS
}
