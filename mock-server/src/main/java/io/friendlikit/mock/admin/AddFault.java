package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.Fault;

/**
 * {@code POST /__admin/faults}: activates a fault, globally or, with {@code X-Mock-Session}, for that session only.
 * The body is the fault ({@code type} and its parameters, see {@link Fault}) plus an optional {@code times}.
 */
public final class AddFault implements AdminTask {

    /** @param session the session it was added to; absent: global */
    public record Answer(String id, String type, String session) implements AdminView {
    }

    @Override
    public boolean takesBody() {
        return true;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        AdminRequest.Split<Fault, Times> body = request.body(Fault.class, "times", Times.class);
        try {
            CappedRegistry.Entry<Fault> added = Scoped.faultsToAdd(admin, request).add(body.value(),
                    Times.of(body.member()));
            return AdminAnswer.created(new Answer(added.id(), added.value().type(), request.session().orElse(null)));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
