package io.friendlikit.mock.admin;

import java.util.List;

/**
 * One admin operation. A task reads its typed request from {@link AdminRequest}, acts on the {@link Admin}
 * façade and returns a typed view; it knows nothing of HTTP servers. Before it runs, a query parameter it does not
 * list, or a body given to a task that takes none, is refused naming the member.
 */
@FunctionalInterface
public interface AdminTask {

    /** @throws AdminProblem when the request is bad (the answer is then that problem's error) */
    AdminAnswer execute(Admin admin, AdminRequest request);

    /** The query parameters it reads; any other is refused. */
    default List<String> queryParameters() {
        return List.of();
    }

    /** Whether it reads a body; if not, only an empty body or {@code {}} is accepted. */
    default boolean takesBody() {
        return false;
    }
}
