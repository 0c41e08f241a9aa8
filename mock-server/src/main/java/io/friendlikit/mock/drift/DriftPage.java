package io.friendlikit.mock.drift;

/**
 * The drift report as a static HTML page: the summary line, then one table of every recording and its differences.
 * Self-contained (no scripts, fonts or external styles), every text escaped. Each row carries a {@code data-id}
 * ({@code file} for a recording without differences, {@code file#n} for its n-th difference) and a class
 * ({@code same}, {@code known}, {@code drift}), so tests and scrapers find them.
 */
public final class DriftPage {

    private DriftPage() {
    }

    public static String render(DriftReport report) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drift: ")
                .append(escape(report.summary())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:80em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                        + "padding:.3em .6em;text-align:left;vertical-align:top}.drift{color:#a11}.known{color:#7a5a00}"
                        + ".same{color:#176117}code{font-size:.9em}</style></head><body>\n");
        h.append("<h1 id=\"summary\" class=\"").append(report.anyDrift() ? "drift" : "same").append("\">")
                .append(escape(report.summary())).append("</h1>\n");
        h.append("<p>Requests sent to <code>").append(escape(report.against()))
                .append("</code>; known differences for target <code>").append(escape(report.target()))
                .append("</code>.</p>\n");
        h.append("<table id=\"differences\"><tr><th>Recording</th><th>Outcome</th><th>What</th><th>Pointer</th>"
                + "<th>Recorded</th><th>Now</th><th>Why known</th></tr>\n");
        for (DriftReport.RecordingDrift r : report.recordings()) {
            if (r.differences().isEmpty()) {
                h.append("<tr data-id=\"").append(escape(r.file())).append("\" class=\"same\"><td>")
                        .append(escape(r.file())).append("</td><td>same</td><td></td><td></td><td></td><td></td>"
                                + "<td></td></tr>\n");
                continue;
            }
            for (int i = 0; i < r.differences().size(); i++) {
                Difference d = r.differences().get(i);
                String outcome = d.isKnown() ? "known" : "drift";
                h.append("<tr data-id=\"").append(escape(r.file() + "#" + i)).append("\" class=\"").append(outcome)
                        .append("\"><td>").append(escape(r.file())).append("</td><td>").append(outcome)
                        .append("</td><td>").append(escape(d.kind())).append("</td><td><code>")
                        .append(escape(d.pointer())).append("</code></td><td>").append(escape(d.recorded()))
                        .append("</td><td>").append(escape(d.now())).append("</td><td>")
                        .append(d.isKnown() ? escape(d.known()) : "").append("</td></tr>\n");
            }
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    static String escape(String s) {
        return io.friendlikit.mock.page.Html.escape(s);
    }
}
