package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;

/**
 * {@code POST /__admin/scenarios}: scripts the answer to requests that match (format: {@link ScenarioJson}),
 * globally or, with {@code X-Mock-Session}, for that session's requests only.
 */
public final class AddScenario implements AdminTask {

    /** @param session the session it was added to; absent: global */
    public record Answer(String id, String session) implements AdminView {
    }

    @Override
    public boolean takesBody() {
        return true;
    }

    @Override
    public AdminAnswer execute(Admin admin, AdminRequest request) {
        ScenarioJson.Definition body = request.body(ScenarioJson.Definition.class);
        Scenario scenario;
        try {
            scenario = body.scenario(request.tree(body.withoutTimes()), null);
        } catch (InvalidMember bad) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(bad.member(), bad.getMessage()));
        }
        try {
            CappedRegistry.Entry<Scenario> added = Scoped.scenariosToAdd(admin, request).add(scenario,
                    Times.of(body.times()));
            return AdminAnswer.created(new Answer(added.id(), request.session().orElse(null)));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
