package io.friendlikit.mock.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.validation.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Grades the journal's entries (already filtered by session or time) into a {@link Verdict}. */
public final class Grader {

    private final Check.Limits limits;

    public Grader(Check.Limits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /** Grades as of now on the system clock. */
    public Verdict grade(List<Journal.Entry> entries) {
        return grade(entries, java.time.Instant.now());
    }

    /** @param now the time on the journal's clock (an open stalled exchange is judged by how long it has waited) */
    public Verdict grade(List<Journal.Entry> entries, java.time.Instant now) {
        List<Journal.Entry> chat = entries.stream().filter(e -> "POST".equals(e.method())).toList();
        List<Verdict.RuleBroken> rules = rulesBroken(chat);
        List<Verdict.FeatureUse> features = features(chat);
        List<Verdict.CheckResult> checks = checks(chat, now);
        long failedChecks = checks.stream().filter(c -> c.outcome().equals("fail")).count();
        boolean pass = rules.isEmpty() && failedChecks == 0;
        long used = features.stream().filter(Verdict.FeatureUse::used).count();
        String summary = (pass ? "pass" : "fail") + ": " + chat.size() + " request" + (chat.size() == 1 ? "" : "s")
                + ", " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + " broken, " + failedChecks
                + " check" + (failedChecks == 1 ? "" : "s") + " failed, " + used + " of " + features.size()
                + " features used";
        return new Verdict(pass ? "pass" : "fail", summary, chat.size(), rules, features, checks);
    }

    private static List<Verdict.RuleBroken> rulesBroken(List<Journal.Entry> chat) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Journal.Entry> first = new LinkedHashMap<>();
        Map<String, Violation> firstViolation = new LinkedHashMap<>();
        for (Journal.Entry e : chat) {
            for (Violation v : e.violations()) {
                String rule = v.rule() == null ? "unnamed" : v.rule();
                counts.merge(rule, 1, Integer::sum);
                first.putIfAbsent(rule, e);
                firstViolation.putIfAbsent(rule, v);
            }
        }
        List<Verdict.RuleBroken> out = new ArrayList<>();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            Journal.Entry e = first.get(c.getKey());
            Violation v = firstViolation.get(c.getKey());
            out.add(new Verdict.RuleBroken(c.getKey(), c.getValue(), e.id(), v.param(), v.message(), e.body()));
        }
        return out;
    }

    private static List<Verdict.FeatureUse> features(List<Journal.Entry> chat) {
        List<Verdict.FeatureUse> out = new ArrayList<>();
        for (Feature f : Feature.TABLE) {
            int count = 0;
            Long firstEntry = null;
            for (Journal.Entry e : chat) {
                JsonNode body = e.body();
                if (body != null && f.usedBy().test(body, e.headers())) {
                    count++;
                    if (firstEntry == null) {
                        firstEntry = e.id();
                    }
                }
            }
            out.add(new Verdict.FeatureUse(f.id(), f.label(), count > 0, count, firstEntry));
        }
        return out;
    }

    private List<Verdict.CheckResult> checks(List<Journal.Entry> chat, java.time.Instant now) {
        Map<String, List<Journal.Entry>> clients = new LinkedHashMap<>();
        for (Journal.Entry e : chat) {
            String client = e.headers().getOrDefault("authorization", "") + " " + Objects.toString(e.session(), "");
            clients.computeIfAbsent(client, k -> new ArrayList<>()).add(e);
        }
        List<Verdict.CheckResult> out = new ArrayList<>();
        for (Check check : Check.TABLE) {
            int cases = 0;
            List<Verdict.Evidence> failed = new ArrayList<>();
            for (List<Journal.Entry> client : clients.values()) {
                Check.Judged judged = check.judge().judge(client, limits, now);
                if (judged != null) {
                    cases += judged.cases();
                    failed.addAll(judged.failed());
                }
            }
            String outcome = cases == 0 ? "not_seen" : failed.isEmpty() ? "pass" : "fail";
            out.add(new Verdict.CheckResult(check.id(), check.question(), outcome, cases, failed));
        }
        return out;
    }
}
