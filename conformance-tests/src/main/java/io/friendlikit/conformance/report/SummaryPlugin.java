package io.friendlikit.conformance.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a one-screen summary when the run ends: passed / failed / skipped per feature file, each failure
 * with its first message line, skip reasons with counts, and the {@code @live-unverified} scenarios apart
 * (their expectations rest on guesses in the spec, so a live run should look at them separately).
 */
public final class SummaryPlugin implements ConcurrentEventListener {

    private final PrintStream out;
    private final List<Outcome> outcomes = new ArrayList<>();

    public SummaryPlugin() {
        this(System.out);
    }

    SummaryPlugin(PrintStream out) {
        this.out = out;
    }

    private record Outcome(String feature, String scenario, boolean liveUnverified, Status status, String message) {
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> print());
    }

    private synchronized void finished(TestCaseFinished event) {
        Result result = event.getResult();
        String message = result.getError() == null ? "" : firstLine(String.valueOf(result.getError().getMessage()));
        outcomes.add(new Outcome(featureName(event.getTestCase().getUri()), event.getTestCase().getName(),
                event.getTestCase().getTags().contains("@live-unverified"), result.getStatus(), message));
    }

    private synchronized void print() {
        Map<String, int[]> perFeature = new TreeMap<>();
        Map<String, Integer> skipReasons = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int[] unverified = new int[3];
        List<String> unverifiedFailures = new ArrayList<>();
        for (Outcome o : outcomes) {
            int[] counts = perFeature.computeIfAbsent(o.feature(), f -> new int[3]);
            int bucket = bucket(o.status());
            counts[bucket]++;
            if (bucket == 2) {
                skipReasons.merge(o.message().isEmpty() ? "(no reason given)" : o.message(), 1, Integer::sum);
            }
            if (o.liveUnverified()) {
                unverified[bucket]++;
                if (bucket == 1) {
                    unverifiedFailures.add(o.feature() + ": " + o.scenario() + " — " + describe(o));
                }
            } else if (bucket == 1) {
                failures.add(o.feature() + ": " + o.scenario() + " — " + describe(o));
            }
        }
        int[] total = new int[3];
        StringBuilder text = new StringBuilder();
        text.append("\n=== Friendli conformance summary ===\n");
        text.append(String.format("%-34s %7s %7s %8s%n", "feature", "passed", "failed", "skipped"));
        perFeature.forEach((feature, c) -> {
            text.append(String.format("%-34s %7d %7d %8d%n", feature, c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        text.append(String.format("%-34s %7d %7d %8d%n", "TOTAL", total[0], total[1], total[2]));
        text.append(String.format("@live-unverified (rest on guesses): %d passed, %d failed, %d skipped%n",
                unverified[0], unverified[1], unverified[2]));
        if (!failures.isEmpty()) {
            text.append("Failed:\n");
            failures.forEach(f -> text.append("  ").append(f).append('\n'));
        }
        if (!unverifiedFailures.isEmpty()) {
            text.append("Failed @live-unverified (a guess in the spec may be wrong):\n");
            unverifiedFailures.forEach(f -> text.append("  ").append(f).append('\n'));
        }
        if (!skipReasons.isEmpty()) {
            text.append("Skipped:\n");
            skipReasons.forEach((reason, count) -> text.append(String.format("  %3d x %s%n", count, reason)));
        }
        text.append(String.format("Conformance: %d passed, %d failed, %d skipped%n", total[0], total[1], total[2]));
        out.print(text);
        out.flush();
    }

    private static int bucket(Status status) {
        return switch (status) {
            case PASSED -> 0;
            case SKIPPED -> 2;
            default -> 1;
        };
    }

    private static String describe(Outcome o) {
        if (o.status() == Status.UNDEFINED) {
            return "undefined step";
        }
        return o.message().isEmpty() ? o.status().name().toLowerCase() : o.message();
    }

    private static String featureName(URI uri) {
        String text = uri.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 220 ? line.substring(0, 220) + "…" : line;
    }
}
