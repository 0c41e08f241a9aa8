package io.friendlikit.mock.script;

/** Delays of an answer: before the first chunk (or the plain body) and between chunks. */
public record Pacing(long firstTokenMs, long interTokenMs) {
}
