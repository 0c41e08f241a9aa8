package io.friendlikit.mock.verdict;

/**
 * The verdict as a static HTML page a person reads at a glance: the verdict line, the rules broken, the checks with
 * their evidence, and the coverage table. Self-contained (no scripts, fonts or external styles); every text from
 * requests is escaped. The tables carry ids ({@code rules}, {@code checks}, {@code coverage}) and each row a
 * {@code data-id}, so tests (and scrapers) find them.
 */
public final class VerdictPage {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private VerdictPage() {
    }

    /** @param session the session graded, or null for every request */
    public static String render(Verdict v, String session) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Client verdict: ")
                .append(v.verdict()).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:72em}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
                        + "text-align:left;vertical-align:top}.pass{color:#176117}.fail{color:#a11}"
                        + ".not_seen,.unused{color:#777}pre{white-space:pre-wrap;margin:0;font-size:.85em}</style>"
                        + "</head><body>\n");
        h.append("<h1 id=\"verdict\" class=\"").append(v.verdict()).append("\">")
                .append(escape(v.summary())).append("</h1>\n");
        h.append("<p>").append(session == null ? "Every request in the journal." : "Session "
                + escape(session) + ".").append("</p>\n");

        h.append("<h2>Rules broken</h2>\n");
        if (v.rulesBroken().isEmpty()) {
            h.append("<p id=\"rules-none\">No request broke a rule.</p>\n");
        } else {
            h.append("<table id=\"rules\"><tr><th>Rule</th><th>Count</th><th>First request</th><th>Field</th>"
                    + "<th>Message the client got</th><th>Example body</th></tr>\n");
            for (Verdict.RuleBroken r : v.rulesBroken()) {
                h.append("<tr data-id=\"").append(escape(r.rule())).append("\"><td>").append(escape(r.rule()))
                        .append("</td><td>").append(r.count()).append("</td><td>#").append(r.firstEntry())
                        .append("</td><td>").append(escape(String.valueOf(r.param()))).append("</td><td>")
                        .append(escape(r.message())).append("</td><td><pre>")
                        .append(escape(abbreviate(r.example() == null ? "" : r.example().toString())))
                        .append("</pre></td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Behaviour</h2>\n<table id=\"checks\"><tr><th>Check</th><th>Outcome</th><th>Judged</th>"
                + "<th>Evidence</th></tr>\n");
        for (Verdict.CheckResult c : v.checks()) {
            h.append("<tr data-id=\"").append(c.id()).append("\"><td>").append(escape(c.question()))
                    .append("</td><td class=\"").append(c.outcome()).append("\">")
                    .append(c.outcome().replace('_', ' ')).append("</td><td>").append(c.cases()).append("</td><td>");
            for (Verdict.Evidence e : c.failed()) {
                h.append("<div>").append(escape(e.detail())).append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Coverage of documented features</h2>\n<table id=\"coverage\"><tr><th>Feature</th>"
                + "<th>Used</th><th>Requests</th><th>First request</th></tr>\n");
        for (Verdict.FeatureUse f : v.features()) {
            h.append("<tr data-id=\"").append(escape(f.id())).append("\" class=\"").append(f.used() ? "used" : "unused")
                    .append("\"><td>").append(escape(f.label())).append("</td><td>").append(f.used() ? "yes" : "never")
                    .append("</td><td>").append(f.requests()).append("</td><td>")
                    .append(f.firstEntry() == null ? "" : "#" + f.firstEntry()).append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + " ...";
    }

    static String escape(String s) {
        return io.friendlikit.mock.page.Html.escape(s);
    }
}
