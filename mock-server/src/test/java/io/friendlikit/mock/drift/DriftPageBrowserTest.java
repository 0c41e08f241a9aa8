package io.friendlikit.mock.drift;

import io.friendlikit.mock.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift page in a real browser: the summary, a drifted row, a known row, a recording without differences. */
class DriftPageBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aPersonSeesTheSummaryTheDriftAndWhyADifferenceIsKnown() throws Exception {
        DriftReport report = new DriftReport("http://127.0.0.1:8080", "other", List.of(
                DriftReport.RecordingDrift.of("0001-m-plain.json", List.of()),
                DriftReport.RecordingDrift.of("0002-m-stream.json", List.of(
                        new Difference(Difference.USAGE_CHUNK, "/usage", "no", "yes", null))),
                DriftReport.RecordingDrift.of("0003-m-plain.json", List.of(
                        new Difference(Difference.MISSING, "/message", "string", "absent",
                                "<this> server answers errors in the OpenAI envelope")))));
        Path page = Files.writeString(dir.resolve("drift.html"), DriftPage.render(report), StandardCharsets.UTF_8);
        assertThat(Files.readString(page)).doesNotContain("<script").doesNotContain("http://fonts")
                .contains("&lt;this&gt; server");

        // the same reading of the page as written, so that a machine without chromium still checks it
        seesWhatAPersonSees(Files.readString(page));

        seesWhatAPersonSees(HeadlessChromium.dumpDom(page.toUri().toString()));
    }

    private static void seesWhatAPersonSees(String dom) {
        assertThat(text(dom, "<h1[^>]*>(.*?)</h1>")).isEqualTo("3 recordings, 1 drifted, 1 known difference");
        assertThat(cells(text(dom, "<tr data-id=\"0002-m-stream.json#0\"[^>]*>(.*?)</tr>")))
                .containsExactly("0002-m-stream.json", "drift", "usage-chunk", "/usage", "no", "yes", "");
        assertThat(cells(text(dom, "<tr data-id=\"0003-m-plain.json#0\"[^>]*>(.*?)</tr>")))
                .containsExactly("0003-m-plain.json", "known", "missing", "/message", "string", "absent",
                        "&lt;this&gt; server answers errors in the OpenAI envelope");
        assertThat(cells(text(dom, "<tr data-id=\"0001-m-plain.json\"[^>]*>(.*?)</tr>")).get(1)).isEqualTo("same");
    }

    private static String text(String dom, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("the page holds " + regex + "\n" + dom).isTrue();
        return m.group(1);
    }

    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            out.add(m.group(1).replaceAll("<[^>]+>", "").trim());
        }
        return out;
    }
}
