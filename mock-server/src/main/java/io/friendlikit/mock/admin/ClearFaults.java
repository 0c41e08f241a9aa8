package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/faults}: removes every active fault. */
public final class ClearFaults implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        admin.faults().clear();
        return AdminAnswer.noContent();
    }
}
