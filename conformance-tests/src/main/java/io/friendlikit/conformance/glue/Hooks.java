package io.friendlikit.conformance.glue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.targets.AdminClient;
import io.friendlikit.conformance.targets.Target;
import io.friendlikit.conformance.targets.TargetSession;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Per-scenario set-up: records the rule ids, skips scenarios the target cannot run (with the reason, from
 * {@link #REQUIREMENTS}),
 * resets the mock before and after scenarios that control it, and stops an embedded target afterwards.
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

    /**
     * What a tag asks of the target, and the reason given when a scenario is skipped for lack of it. Adding a
     * tag that limits where scenarios run means adding a row here, not a branch in the steps.
     */
    record TagRequirement(String tag, BiPredicate<Target, KitConfig> met, Function<Target, String> reason) {
    }

    static final List<TagRequirement> REQUIREMENTS = List.of(
            new TagRequirement("@costly", (target, config) -> target.isMock() || config.includeCostly(),
                    target -> "@costly scenario skipped on the " + target.kind()
                            + " target; set FRIENDLI_INCLUDE_COSTLY=true (or --include-costly true) to run it"),
            new TagRequirement("@mock-control", (target, config) -> target.adminUrl().isPresent(),
                    target -> "@mock-control scenario needs the mock admin API: " + target.description()
                            + " has no /__admin/health reporting kind friendli-mock and FRIENDLI_ADMIN_URL is not set"),
            new TagRequirement("@mock-contract", (target, config) -> target.isMock(),
                    target -> "@mock-contract scenario pins a documented property of the mock (README, \"How the mock"
                            + " generates\"), not of the API; skipped on the " + target.kind() + " target"));

    @Before(order = 0)
    public void prepare(Scenario scenario) {
        rules.use(scenario.getSourceTagNames());
        Target target = session.target();
        for (TagRequirement requirement : REQUIREMENTS) {
            if (scenario.getSourceTagNames().contains(requirement.tag()) && !requirement.met().test(target, session.config())) {
                throw new TestAbortedException(requirement.reason().apply(target));
            }
        }
        if (scenario.getSourceTagNames().contains("@mock-control")) {
            resetMock(target, "before");
        }
    }

    private static void resetMock(Target target, String when) {
        AdminClient.Reply reply = target.admin().orElseThrow().reset();
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("admin reset failed " + when + " the scenario: HTTP " + reply.status() + " " + reply.body());
        }
    }

    @After(order = 0)
    public void finish(Scenario scenario) throws Exception {
        try {
            if (scenario.isFailed()) {
                world.lastResponse().ifPresent(exchange -> scenario.attach(
                        exchange.request() + "\n\nHTTP " + exchange.status() + " " + exchange.headers() + "\n\n" + exchange.body(),
                        "text/plain", "last exchange"));
            }
        } finally {
            try {
                // a shared server (the mock as a process) must not keep this scenario's faults and scripts for
                // the scenarios after it, which do not reset it
                if (scenario.getSourceTagNames().contains("@mock-control") && session.target().adminUrl().isPresent()) {
                    resetMock(session.target(), "after");
                }
            } finally {
                world.close();
                session.close();
            }
        }
    }
}
