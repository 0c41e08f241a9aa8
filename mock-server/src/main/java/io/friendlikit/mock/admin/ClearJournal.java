package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/journal}: forgets every recorded exchange. */
public final class ClearJournal implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        admin.journal().clear();
        return AdminAnswer.noContent();
    }
}
