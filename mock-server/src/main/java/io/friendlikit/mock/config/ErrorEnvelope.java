package io.friendlikit.mock.config;

/** Shape of error bodies (docs/api-notes.md §10.2 is unsure which one the live API uses). */
public enum ErrorEnvelope {
    /** {@code {"message": ..., "error": {"message","type","param","code"}}}: both kinds of clients read it. */
    BOTH,
    /** {@code {"message": ...}} only, as Friendli's own AI-SDK provider expects. */
    MESSAGE,
    /** {@code {"error": {...}}} only, the OpenAI envelope. */
    OPENAI
}
