package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The {@code times} member of a fault or scenario: how many requests it applies to, at least 1. */
public record Times(int count) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Times {
        if (count < 1) {
            throw new IllegalArgumentException("must be an integer >= 1, got " + count);
        }
    }

    /** The count, or null (unlimited) when the member was left out. */
    static Integer of(Times times) {
        return times == null ? null : times.count();
    }
}
