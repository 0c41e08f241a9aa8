package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;

/** What an admin task answers: a view serialised as JSON, no content, or an error envelope. */
public sealed interface AdminAnswer {

    /** @param view a record rendered by the server's mapper */
    record Json(int status, Object view) implements AdminAnswer {
    }

    record NoContent() implements AdminAnswer {
    }

    record Refused(ApiError error) implements AdminAnswer {
    }

    static AdminAnswer ok(Object view) {
        return new Json(200, view);
    }

    static AdminAnswer created(Object view) {
        return new Json(201, view);
    }

    static AdminAnswer noContent() {
        return new NoContent();
    }
}
