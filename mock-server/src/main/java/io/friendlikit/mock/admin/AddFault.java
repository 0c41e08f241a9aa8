package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.Chance;
import io.friendlikit.mock.script.Fault;

/**
 * {@code POST /__admin/faults}: activates a fault, globally or, with {@code X-Mock-Session}, for that session only.
 * The body is the fault ({@code type} and its parameters, see {@link Fault}) plus the optional members of its
 * registration: {@code times}, {@code probability} and {@code seed} ({@link io.friendlikit.mock.script.Chance}).
 */
public final class AddFault implements AdminTask {

    /** @param session the session it was added to; absent: global */
    public record Answer(String id, String type, double probability, long seed, String session) implements AdminView {
    }

    /** The members beside the fault's own; each null when left out. */
    public record Registration(Times times, Double probability, Long seed) {
        public Registration {
            Chance.probability(probability);
        }
    }

    @Override
    public boolean takesBody() {
        return true;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        AdminRequest.Split<Fault, Registration> body = request.bodyWith(Fault.class, Registration.class);
        Registration r = body.member();
        try {
            CappedRegistry.Entry<Fault> added = Scoped.faultsToAdd(admin, request).add(body.value(),
                    Times.of(r.times()), Chance.probability(r.probability()), r.seed());
            return AdminAnswer.created(new Answer(added.id(), added.value().type(), added.probability(),
                    added.seed(), request.session().orElse(null)));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
