package io.friendlikit.mock.admin;

/** {@code POST /__admin/reset}: clears faults, scenarios and the journal; the metrics keep counting. */
public final class Reset implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        admin.reset();
        return AdminAnswer.noContent();
    }
}
