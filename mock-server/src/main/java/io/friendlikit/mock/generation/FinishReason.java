package io.friendlikit.mock.generation;

import java.util.Locale;

/** The documented finish reasons of docs/api-notes.md §8. */
public enum FinishReason {
    STOP, LENGTH, TOOL_CALLS;

    /** The value on the wire: {@code stop}, {@code length}, {@code tool_calls}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
