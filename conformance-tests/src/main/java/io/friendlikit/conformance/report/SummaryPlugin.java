package io.friendlikit.conformance.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a one-screen summary when the run ends: passed / failed / skipped per feature file, the failures
 * grouped by family of rules and by what they mean ({@link Verdict.Weight}: broke the contract, rests on a guess,
 * differs from Friendli), each as "[RULE] expected …; got …" first, and the skip reasons with counts.
 * Given a file ({@code io.friendlikit.conformance.report.SummaryPlugin:reports/summary.html}) it also writes the
 * same as an HTML comparison page.
 */
public final class SummaryPlugin implements ConcurrentEventListener {

    private static final int LINE = 320;

    private final PrintStream out;
    private final File page;
    private final List<Outcome> outcomes = new ArrayList<>();

    public SummaryPlugin() {
        this(System.out, null);
    }

    /** Also writes the comparison page to {@code page}. */
    public SummaryPlugin(File page) {
        this(System.out, page);
    }

    SummaryPlugin(PrintStream out, File page) {
        this.out = out;
        this.page = page;
    }

    /** One finished scenario. */
    record Outcome(String feature, String scenario, List<String> tags, Status status, String message) {
        int bucket() {
            return switch (status) {
                case PASSED -> 0;
                case SKIPPED -> 2;
                default -> 1;
            };
        }

        Verdict.Weight weight() {
            return Verdict.weight(tags);
        }

        String rule() {
            List<String> ids = Verdict.ruleIds(tags);
            return ids.isEmpty() ? "no rule id" : String.join(", ", ids);
        }

        /** "[RULE] expected …; got …" first, then where. */
        String failureLine() {
            String text = status == Status.UNDEFINED ? "undefined step" : message.isEmpty() ? status.name().toLowerCase() : message;
            if (!text.startsWith("[")) {
                text = "[" + rule() + "] " + text;
            }
            return abbreviate(text) + " — " + feature + ": " + scenario;
        }
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
                List.copyOf(event.getTestCase().getTags()), result.getStatus(), message));
    }

    /** Failures per family, then per weight, in the order of {@link Verdict#FAMILIES}. */
    static Map<String, Map<Verdict.Weight, List<Outcome>>> failuresByFamily(List<Outcome> outcomes) {
        Map<String, Map<Verdict.Weight, List<Outcome>>> families = new LinkedHashMap<>();
        Verdict.FAMILIES.forEach(f -> families.put(f.name(), new EnumMap<>(Verdict.Weight.class)));
        for (Outcome o : outcomes) {
            if (o.bucket() == 1) {
                String family = Verdict.ruleIds(o.tags()).stream().findFirst().map(id -> Verdict.family(id).name()).orElse("other");
                families.computeIfAbsent(family, f -> new EnumMap<>(Verdict.Weight.class))
                        .computeIfAbsent(o.weight(), w -> new ArrayList<>()).add(o);
            }
        }
        families.values().removeIf(Map::isEmpty);
        return families;
    }

    private synchronized void print() {
        Map<String, int[]> perFeature = new TreeMap<>();
        Map<String, Integer> skipReasons = new TreeMap<>();
        Map<Verdict.Weight, List<Outcome>> failures = new EnumMap<>(Verdict.Weight.class);
        int[] total = new int[3];
        for (Outcome o : outcomes) {
            perFeature.computeIfAbsent(o.feature(), f -> new int[3])[o.bucket()]++;
            total[o.bucket()]++;
            if (o.bucket() == 2) {
                skipReasons.merge(o.message().isEmpty() ? "(no reason given)" : o.message(), 1, Integer::sum);
            }
            if (o.bucket() == 1) {
                failures.computeIfAbsent(o.weight(), w -> new ArrayList<>()).add(o);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("\n=== Friendli conformance summary ===\n");
        text.append(String.format("%-34s %7s %7s %8s%n", "feature", "passed", "failed", "skipped"));
        perFeature.forEach((feature, c) -> text.append(String.format("%-34s %7d %7d %8d%n", feature, c[0], c[1], c[2])));
        text.append(String.format("%-34s %7d %7d %8d%n", "TOTAL", total[0], total[1], total[2]));
        Map<String, Map<Verdict.Weight, List<Outcome>>> byFamily = failuresByFamily(outcomes);
        if (!byFamily.isEmpty()) {
            text.append("Failures by cause (scenarios):\n");
            text.append(String.format("  %-30s %18s %16s %22s%n", "family", "broke the contract", "rest on a guess",
                    "differ from Friendli"));
            byFamily.forEach((family, weights) -> text.append(String.format("  %-30s %18d %16d %22d%n", family,
                    count(weights, Verdict.Weight.FIRM), count(weights, Verdict.Weight.GUESS),
                    count(weights, Verdict.Weight.FRIENDLI))));
        }
        for (Verdict.Weight weight : Verdict.Weight.values()) {
            List<Outcome> list = failures.getOrDefault(weight, List.of());
            if (!list.isEmpty()) {
                text.append("Failed, ").append(weight.label()).append(":\n");
                list.forEach(o -> text.append("  ").append(o.failureLine()).append('\n'));
            }
        }
        if (!skipReasons.isEmpty()) {
            text.append("Skipped:\n");
            skipReasons.forEach((reason, count) -> text.append(String.format("  %3d x %s%n", count, reason)));
        }
        text.append(String.format("Conformance: %d passed, %d failed, %d skipped (failures: %d broke the contract,"
                        + " %d rest on a guess, %d differ from Friendli)%n", total[0], total[1], total[2],
                failures.getOrDefault(Verdict.Weight.FIRM, List.of()).size(),
                failures.getOrDefault(Verdict.Weight.GUESS, List.of()).size(),
                failures.getOrDefault(Verdict.Weight.FRIENDLI, List.of()).size()));
        out.print(text);
        out.flush();
        if (page != null) {
            writePage(byFamily, total, skipReasons);
        }
    }

    private static int count(Map<Verdict.Weight, List<Outcome>> weights, Verdict.Weight weight) {
        return weights.getOrDefault(weight, List.of()).size();
    }

    private void writePage(Map<String, Map<Verdict.Weight, List<Outcome>>> byFamily, int[] total, Map<String, Integer> skips) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Conformance: failures by cause</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;text-align:left}td.n{text-align:right}.firm{color:#b00}code{white-space:pre-wrap}</style></head><body>\n")
                .append("<h1>Failures by cause</h1>\n")
                .append(String.format("<p>%d passed, %d failed, %d skipped.</p>%n", total[0], total[1], total[2]))
                .append("<p>\"Broke the contract\": a firm rule of the OpenAI-compatible contract failed. \"Rest on a guess\":")
                .append(" the expectation is @live-unverified. \"Differ from Friendli\": Friendli does it this way and another")
                .append(" server may legally differ (@friendli-specific). Rule ids are explained in features/README.md.</p>\n")
                .append("<table><tr><th>family</th>");
        for (Verdict.Weight weight : Verdict.Weight.values()) {
            html.append("<th>").append(escape(weight.label())).append("</th>");
        }
        html.append("</tr>\n");
        byFamily.forEach((family, weights) -> {
            html.append("<tr><td><a href=\"#").append(anchor(family)).append("\">").append(escape(family)).append("</a></td>");
            for (Verdict.Weight weight : Verdict.Weight.values()) {
                html.append("<td class=\"n").append(weight == Verdict.Weight.FIRM && count(weights, weight) > 0 ? " firm" : "")
                        .append("\">").append(count(weights, weight)).append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</table>\n");
        if (byFamily.isEmpty()) {
            html.append("<p>No failures.</p>\n");
        }
        byFamily.forEach((family, weights) -> {
            html.append("<h2 id=\"").append(anchor(family)).append("\">").append(escape(family)).append("</h2>\n");
            weights.forEach((weight, list) -> {
                html.append("<h3>").append(escape(weight.label())).append(" (").append(list.size()).append(")</h3>\n<ul>\n");
                list.forEach(o -> html.append("<li><code>").append(escape(o.failureLine())).append("</code></li>\n"));
                html.append("</ul>\n");
            });
        });
        if (!skips.isEmpty()) {
            html.append("<h2>Skipped</h2>\n<ul>\n");
            skips.forEach((reason, count) -> html.append("<li>").append(count).append(" × ").append(escape(reason)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</body></html>\n");
        try {
            File parent = page.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(page.toPath(), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison page " + page, e);
        }
    }

    private static String anchor(String family) {
        return family.replaceAll("[^a-z0-9]+", "-");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String featureName(URI uri) {
        String text = uri.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }

    private static String abbreviate(String line) {
        return line.length() > LINE ? line.substring(0, LINE) + "…" : line;
    }
}
