package io.friendlikit.mock.admin;

/** {@code DELETE /__admin/scenarios}: removes every scripted answer. */
public final class ClearScenarios implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        admin.scenarios().clear();
        return AdminAnswer.noContent();
    }
}
