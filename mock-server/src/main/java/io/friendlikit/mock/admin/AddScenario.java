package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.CappedRegistry;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Scenario;

/** {@code POST /__admin/scenarios}: scripts the answer to requests that match (format: {@link ScenarioJson}). */
public final class AddScenario implements AdminTask {

    public record Answer(String id) implements AdminView {
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
            CappedRegistry.Entry<Scenario> added = admin.scenarios().add(scenario, Times.of(body.times()));
            return AdminAnswer.created(new Answer(added.id()));
        } catch (CappedRegistry.FullException full) {
            return new AdminAnswer.Refused(ApiError.badAdminRequest(null, full.getMessage()));
        }
    }
}
