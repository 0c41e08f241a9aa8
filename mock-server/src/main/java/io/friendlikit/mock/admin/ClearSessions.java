package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/sessions}: closes every session (their journal entries stay). */
public final class ClearSessions implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        admin.sessions().clear();
        return AdminAnswer.noContent();
    }
}
