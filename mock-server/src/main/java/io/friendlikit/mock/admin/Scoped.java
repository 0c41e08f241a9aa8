package io.friendlikit.mock.admin;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.FaultRegistry;
import io.friendlikit.mock.script.ScenarioRegistry;
import io.friendlikit.mock.script.Sessions;

import java.util.Optional;

/**
 * The registries an admin call acts on: those of its {@code X-Mock-Session}, or the global ones without it. Adding
 * opens the session; reading or clearing leaves a session that is not open alone (nothing to show or clear).
 */
final class Scoped {

    private Scoped() {
    }

    static FaultRegistry faultsToAdd(Admin admin, AdminRequest request) {
        return request.session().map(name -> open(admin, name).faults()).orElse(admin.faults());
    }

    static ScenarioRegistry scenariosToAdd(Admin admin, AdminRequest request) {
        return request.session().map(name -> open(admin, name).scenarios()).orElse(admin.scenarios());
    }

    /** Empty: the call names a session that is not open. */
    static Optional<FaultRegistry> faults(Admin admin, AdminRequest request) {
        Optional<String> session = request.session();
        return session.isEmpty() ? Optional.of(admin.faults())
                : admin.sessions().find(session.get()).map(Sessions.Session::faults);
    }

    /** Empty: the call names a session that is not open. */
    static Optional<ScenarioRegistry> scenarios(Admin admin, AdminRequest request) {
        Optional<String> session = request.session();
        return session.isEmpty() ? Optional.of(admin.scenarios())
                : admin.sessions().find(session.get()).map(Sessions.Session::scenarios);
    }

    private static Sessions.Session open(Admin admin, String name) {
        try {
            return admin.sessions().open(name);
        } catch (Sessions.FullException full) {
            throw new AdminProblem(ApiError.badAdminRequest(Sessions.HEADER, Sessions.HEADER + ": "
                    + full.getMessage()));
        }
    }
}
