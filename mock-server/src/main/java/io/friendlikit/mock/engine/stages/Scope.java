package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.admin.AdminProblem;
import io.friendlikit.mock.admin.FaultHeader;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.InvalidMember;
import io.friendlikit.mock.script.Sessions;

/**
 * Which control applies to the exchange, from its headers: the faults of {@code X-Mock-Fault} (this request
 * alone), the session of {@code X-Mock-Session} (its faults and scenarios beside the global ones) and the scenario
 * {@code X-Mock-Scenario} names. A bad header is a 400 naming it, before anything else runs.
 */
final class Scope implements Stage {

    static final String SCENARIO_HEADER = "X-Mock-Scenario";
    private static final int MAX_SCENARIO_ID = 200;

    private final Sessions sessions;
    private final FaultHeader faultHeader;

    Scope(Sessions sessions, FaultHeader faultHeader) {
        this.sessions = sessions;
        this.faultHeader = faultHeader;
    }

    @Override
    public String name() {
        return "scope";
    }

    @Override
    public Verdict run(ExchangeState state) {
        String session = header(state, Sessions.HEADER);
        if (session != null) {
            try {
                state.sessionName = Sessions.checkName(session.trim());
            } catch (InvalidMember bad) {
                return Verdict.fail(ApiError.badMockHeader(Sessions.HEADER, bad.getMessage()));
            }
            state.session = sessions.find(state.sessionName).orElse(null);
        }
        String faults = header(state, FaultHeader.HEADER);
        if (faults != null) {
            try {
                state.requestFaults = faultHeader.parse(faults);
            } catch (AdminProblem bad) {
                return Verdict.fail(bad.error());
            }
        }
        String scenario = header(state, SCENARIO_HEADER);
        if (scenario != null) {
            String id = scenario.trim();
            if (id.isEmpty() || id.length() > MAX_SCENARIO_ID) {
                return Verdict.fail(ApiError.badMockHeader(SCENARIO_HEADER, SCENARIO_HEADER
                        + ": must be the id of an active scenario (as POST /__admin/scenarios answered it), got '"
                        + (id.length() > 70 ? id.substring(0, 70) + "…" : id) + "'"));
            }
            state.scenarioId = id;
        }
        return Verdict.CONTINUE;
    }

    private static String header(ExchangeState state, String name) {
        return state.exchange().headers().get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
