package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Sessions;

/**
 * {@code DELETE /__admin/sessions/<name>}: forgets a session: its faults, its scenarios and its journal entries.
 * Answers 204 whether or not it was open (it may have expired).
 */
public final class DeleteSession implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        String name;
        try {
            name = Sessions.checkName(request.pathParameter());
        } catch (InvalidMember bad) {
            throw new AdminProblem(ApiError.badAdminRequest("name", "name: " + bad.rule()));
        }
        forget(admin, name);
        return AdminAnswer.noContent();
    }

    static void forget(Admin admin, String name) {
        admin.sessions().delete(name);
        admin.journal().clearSession(name);
    }
}
