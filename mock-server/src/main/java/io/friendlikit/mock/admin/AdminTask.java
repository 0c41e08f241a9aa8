package io.friendlikit.mock.admin;

/**
 * One admin operation. A task reads its typed request from {@link AdminRequest}, acts on the {@link Admin}
 * façade and returns a typed view; it knows nothing of HTTP servers.
 */
@FunctionalInterface
public interface AdminTask {

    /** @throws AdminProblem when the request is bad (the answer is then that problem's error) */
    AdminAnswer execute(Admin admin, AdminRequest request);
}
