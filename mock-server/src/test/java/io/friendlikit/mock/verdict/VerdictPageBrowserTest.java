package io.friendlikit.mock.verdict;

import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The verdict page in a real browser, after a run with a bad request, a 429 retried at once and a stream. */
class VerdictPageBrowserTest {

    @Test
    void aPersonSeesTheRuleTableTheCoverageAndTheFaultJudgement() throws Exception {
        try (TestServer mock = TestServer.start()) {
            mock.authed().body(body("\"top_p\":0")).post(CHAT).then().statusCode(422);
            mock.bare().contentType("application/json").body("{\"type\":\"http_error\",\"status\":429,"
                    + "\"message\":\"slow down\",\"retryAfterSeconds\":3,\"times\":1}").post("/__admin/faults")
                    .then().statusCode(201);
            mock.authed().body(body("")).post(CHAT).then().statusCode(429);
            mock.authed().body(body("\"stream\":true")).post(CHAT).then().statusCode(200);

            String dom = HeadlessChromium.dumpDom(mock.server().baseUri() + "/__admin/verdict.html");

            assertThat(text(dom, "<h1[^>]*>(.*?)</h1>")).startsWith("fail: 3 requests, 1 rule broken, 1 check failed");
            String rule = mock.bare().get("/__admin/verdict").then().extract().path("rulesBroken[0].rule");
            String ruleRow = text(dom, "<tr data-id=\"" + Pattern.quote(rule) + "\">(.*?)</tr>");
            assertThat(cells(ruleRow)).startsWith(rule, "1", "#1", "top_p");
            String retry = text(dom, "<tr data-id=\"retry_after\">(.*?)</tr>");
            assertThat(cells(retry).get(1)).isEqualTo("fail");
            assertThat(retry).contains("asking to wait 3000 ms");
            assertThat(cells(text(dom, "<tr data-id=\"streaming\"[^>]*>(.*?)</tr>")).get(1)).isEqualTo("yes");
            assertThat(cells(text(dom, "<tr data-id=\"logprobs\"[^>]*>(.*?)</tr>")).get(1)).isEqualTo("never");
        }
    }

    private static String text(String dom, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("the page holds " + regex + "\n" + dom).isTrue();
        return m.group(1);
    }

    private static java.util.List<String> cells(String row) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            out.add(m.group(1).replaceAll("<[^>]+>", "").trim());
        }
        return out;
    }
}
