package io.friendlikit.mock.admin;

/**
 * {@code POST /__admin/reset}: clears faults, scenarios, every session and the journal and restores the start rate
 * limits; with {@code X-Mock-Session},
 * only that session (its faults, scenarios and journal entries). The metrics keep counting.
 */
public final class Reset implements AdminTask {

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        request.session().ifPresentOrElse(name -> DeleteSession.forget(admin, name), admin::reset);
        return AdminAnswer.noContent();
    }
}
