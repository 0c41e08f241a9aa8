package io.friendlikit.mock.admin;

import java.util.List;

/**
 * Every admin operation: method, path below {@link #ROOT}, what it does, and the task that does it. Documented in
 * mock-server/ADMIN-API.md. A path ending in {@link #NAME} stands for any last segment (the task reads it as
 * {@link AdminRequest#pathParameter()}).
 */
public final class AdminRoutes {

    /** Where the admin API is mounted. */
    public static final String ROOT = "/__admin";
    /** The last segment of a path that names something, e.g. {@code /sessions/{name}}. */
    public static final String NAME = "{name}";

    /** One admin operation. */
    public record Route(String method, String path, String purpose, AdminTask task) {
    }

    public static final List<Route> TABLE = List.of(
            new Route("GET", "/health", "liveness and kind of server", new Health()),
            new Route("POST", "/reset", "clear faults, scenarios, sessions and journal, restore the start rate"
                    + " limits, not the metrics (with X-Mock-Session: that session only)", new Reset()),
            new Route("GET", "/metrics", "counters and histograms in the Prometheus text format", new GetMetrics()),
            new Route("GET", "/journal", "requests received and what was wrong with them", new GetJournal()),
            new Route("DELETE", "/journal", "clear the journal", new ClearJournal()),
            new Route("GET", "/verdict", "the client graded from the journal: rules broken, features used, how it"
                    + " handled errors and streams", new GetVerdict(false)),
            new Route("GET", "/verdict.html", "the same verdict as a page", new GetVerdict(true)),
            new Route("GET", "/faults", "active faults", new ListFaults()),
            new Route("POST", "/faults", "inject a fault", new AddFault()),
            new Route("DELETE", "/faults", "remove all faults", new ClearFaults()),
            new Route("GET", "/scenarios", "scripted answers", new ListScenarios()),
            new Route("POST", "/scenarios", "script an answer", new AddScenario()),
            new Route("DELETE", "/scenarios", "remove all scripted answers", new ClearScenarios()),
            new Route("GET", "/limits", "request and token limits per minute in force", new GetLimits()),
            new Route("PUT", "/limits", "set the request and token limits per minute (null or 0: off)",
                    new SetLimits()),
            new Route("GET", "/sessions", "open sessions (X-Mock-Session) and what they hold", new ListSessions()),
            new Route("DELETE", "/sessions", "close every session", new ClearSessions()),
            new Route("DELETE", "/sessions/" + NAME, "forget one session: faults, scenarios, journal entries",
                    new DeleteSession()));

    private AdminRoutes() {
    }
}
