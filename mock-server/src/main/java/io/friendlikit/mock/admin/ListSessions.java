package io.friendlikit.mock.admin;

import io.friendlikit.mock.script.Sessions;

import java.util.List;

/** {@code GET /__admin/sessions}: the open sessions, oldest first, with what each holds. */
public final class ListSessions implements AdminTask {

    public record Answer(List<Item> sessions, int maxSessions, long idleExpirySeconds) implements AdminView {
    }

    /** @param idleSeconds since the session was last used; it is dropped at {@code idleExpirySeconds} */
    public record Item(String name, int faults, int scenarios, long idleSeconds) implements AdminView {
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        long now = admin.sessions().now();
        List<Item> items = admin.sessions().list().stream()
                .map(s -> new Item(s.name(), s.faults().size(), s.scenarios().size(), s.idle(now).toSeconds()))
                .toList();
        return AdminAnswer.ok(new Answer(items, Sessions.MAX_SESSIONS, Sessions.IDLE_EXPIRY.toSeconds()));
    }
}
