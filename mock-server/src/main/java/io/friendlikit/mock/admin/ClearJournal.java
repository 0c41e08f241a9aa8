package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/journal}: forgets every recorded exchange, or those of the {@code X-Mock-Session}. */
public final class ClearJournal implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        request.session().ifPresentOrElse(admin.journal()::clearSession, admin.journal()::clear);
        return AdminAnswer.noContent();
    }
}
