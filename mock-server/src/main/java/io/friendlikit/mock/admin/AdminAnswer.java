package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;

/** What an admin task answers: a view serialised as JSON, text of another format, no content, or an error envelope. */
public sealed interface AdminAnswer {

    /** @param view a record rendered by the server's mapper */
    record Json(int status, Object view) implements AdminAnswer {
    }

    /** 200 with a text body of the given content type (the metrics' Prometheus text). */
    record Text(String contentType, String body) implements AdminAnswer {
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

    static AdminAnswer text(String contentType, String body) {
        return new Text(contentType, body);
    }

    static AdminAnswer noContent() {
        return new NoContent();
    }
}
