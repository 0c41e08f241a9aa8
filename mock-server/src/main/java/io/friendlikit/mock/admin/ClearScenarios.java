package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/scenarios}: removes every global scripted answer, or every one of the {@code X-Mock-Session}. */
public final class ClearScenarios implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        Scoped.scenarios(admin, request).ifPresent(r -> r.clear());
        return AdminAnswer.noContent();
    }
}
