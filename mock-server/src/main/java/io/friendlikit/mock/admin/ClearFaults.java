package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/faults}: removes every active global fault, or every fault of the {@code X-Mock-Session}. */
public final class ClearFaults implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        Scoped.faults(admin, request).ifPresent(r -> r.clear());
        return AdminAnswer.noContent();
    }
}
