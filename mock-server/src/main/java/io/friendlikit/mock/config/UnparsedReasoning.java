package io.friendlikit.mock.config;

/** What a reasoning model writes when the request does not ask for {@code parse_reasoning}. */
public enum UnparsedReasoning {
    /** The answer carries no reasoning. */
    DROP,
    /** {@code <think>...</think>} ahead of the text content, as an unparsed model would write it. */
    INLINE
}
