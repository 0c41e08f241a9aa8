package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;

/** A bad admin request found while reading it; the task's answer becomes {@link #error()}. */
public final class AdminProblem extends RuntimeException {

    private final transient ApiError error;

    public AdminProblem(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
