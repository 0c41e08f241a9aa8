package io.friendlikit.conformance.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.friendlikit.conformance.target.AdminClient;
import io.friendlikit.conformance.target.Target;
import io.friendlikit.conformance.target.TargetSession;
import org.opentest4j.TestAbortedException;

/**
 * Per-scenario set-up: records the rule ids, skips scenarios the target cannot run (with the reason),
 * resets the mock before scenarios that control it, and stops an embedded target afterwards.
 */
public final class Hooks {

    private final TargetSession session;
    private final Rules rules;
    private final ChatWorld world;

    public Hooks(TargetSession session, Rules rules, ChatWorld world) {
        this.session = session;
        this.rules = rules;
        this.world = world;
    }

    @Before(order = 0)
    public void prepare(Scenario scenario) {
        rules.use(scenario.getSourceTagNames());
        Target target = session.target();
        if (scenario.getSourceTagNames().contains("@costly") && !target.isMock() && !session.config().includeCostly()) {
            throw new TestAbortedException("@costly scenario skipped on the " + target.kind()
                    + " target; set FRIENDLI_INCLUDE_COSTLY=true (or --include-costly true) to run it");
        }
        if (scenario.getSourceTagNames().contains("@mock-control")) {
            if (target.adminUrl().isEmpty()) {
                throw new TestAbortedException("@mock-control scenario needs the mock admin API: " + target.description()
                        + " has no /__admin/health reporting kind friendli-mock and FRIENDLI_ADMIN_URL is not set");
            }
            AdminClient.Reply reply = new AdminClient(target.adminUrl().get()).reset();
            if (reply.status() / 100 != 2) {
                throw new IllegalStateException("admin reset failed before the scenario: HTTP " + reply.status() + " " + reply.body());
            }
        }
    }

    @After(order = 0)
    public void finish(Scenario scenario) throws Exception {
        try {
            if (scenario.isFailed()) {
                world.lastResponse().ifPresent(exchange -> scenario.attach(
                        exchange.request() + "\n\n" + exchange.describe(), "text/plain", "last exchange"));
            }
        } finally {
            world.close();
            session.close();
        }
    }
}
