package io.friendlikit.conformance.cli;

import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.report.Verdict;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs the bundled features (class-path resource "features") on the JUnit Platform with the Cucumber engine.
 * Settings reach the glue as system properties for the duration of the run, then the previous values are
 * restored; since command-line values are resolved first, their precedence is kept.
 */
public final class KitRunner {

    public static final String GLUE_PACKAGE = "io.friendlikit.conformance.glue";
    public static final String SUMMARY_PLUGIN = "io.friendlikit.conformance.report.SummaryPlugin";

    /** One finished scenario: its display name, whether it failed or was skipped, the message, and its tags (no '@'). */
    public record Outcome(String scenario, String status, String message, List<String> tags) {
        /** What a failure of this scenario means, from its tags. */
        public Verdict.Weight weight() {
            return Verdict.weight(tags);
        }

        public List<String> ruleIds() {
            return Verdict.ruleIds(tags);
        }
    }

    public record RunResult(long found, long succeeded, long failed, long skipped, List<Outcome> outcomes) {
        public boolean passed() {
            return failed == 0 && found > 0;
        }

        /** Failed scenarios that broke a firm rule (neither @live-unverified nor @friendli-specific). */
        public long firmFailures() {
            return outcomes.stream().filter(o -> o.status().equals("FAILED") && o.weight() == Verdict.Weight.FIRM).count();
        }
    }

    /** Translates a Cucumber tag expression ("@a and not (@b or @c)") to JUnit's syntax ("a & !(b | c)"). */
    static String toJUnitTagExpression(String cucumberExpression) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher tokens = java.util.regex.Pattern.compile("\\(|\\)|[^\\s()]+").matcher(cucumberExpression);
        while (tokens.find()) {
            String token = tokens.group();
            switch (token) {
                case "and" -> out.append(" & ");
                case "or" -> out.append(" | ");
                case "not" -> out.append('!');
                case "(", ")" -> out.append(token);
                default -> out.append(token.startsWith("@") ? token.substring(1) : token);
            }
        }
        return out.toString().trim();
    }

    private static List<String> tags(TestIdentifier id) {
        return id.getTags().stream().map(org.junit.platform.engine.TestTag::getName).sorted().toList();
    }

    public RunResult run(Map<Setting, String> settings, Optional<String> tags, List<String> plugins) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("cucumber.glue", GLUE_PACKAGE);
        parameters.put("cucumber.plugin", String.join(",", plugins));
        parameters.put("cucumber.publish.quiet", "true");
        parameters.put("cucumber.junit-platform.naming-strategy", "long");
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage("features"))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameters(parameters);
        // a JUnit tag filter leaves unselected scenarios out of the run, where Cucumber's own filter would
        // report them as skipped
        tags.ifPresent(t -> builder.filters(org.junit.platform.launcher.TagFilter.includeTags(toJUnitTagExpression(t))));
        LauncherDiscoveryRequest request = builder.build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<Outcome> outcomes = new ArrayList<>();
        TestExecutionListener collector = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), result.getStatus().name(),
                            result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""), tags(id)));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), "SKIPPED", reason, tags(id)));
                }
            }
        };
        Properties saved = new Properties();
        saved.putAll(System.getProperties());
        try {
            settings.forEach((setting, value) -> System.setProperty(setting.property(), value));
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, summary, collector);
        } finally {
            for (Setting setting : Setting.values()) {
                String previous = saved.getProperty(setting.property());
                if (previous == null) {
                    System.clearProperty(setting.property());
                } else {
                    System.setProperty(setting.property(), previous);
                }
            }
        }
        TestExecutionSummary s = summary.getSummary();
        return new RunResult(s.getTestsFoundCount(), s.getTestsSucceededCount(), s.getTestsFailedCount(),
                s.getTestsAbortedCount() + s.getTestsSkippedCount(), List.copyOf(outcomes));
    }
}
