package io.friendlikit.mock.cli;

import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

class VerdictCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerdictCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokenRuleFailsTheVerdictAndIsPrinted() {
        try (TestServer mock = TestServer.start()) {
            mock.authed().header("X-Mock-Session", "cli").body(body("\"top_p\":0")).post(CHAT).then().statusCode(422);
            String url = mock.server().baseUri().toString();
            assertThat(run("--url", url, "--session", "cli")).isEqualTo(1);
            assertThat(out()).startsWith("fail: 1 request, 1 rule broken").contains("rule ")
                    .contains("top_p must be in").contains("never used: streaming");
            out.reset();
            assertThat(run("--url", url, "--session", "cli", "--fail-on", "checks")).isEqualTo(0);
            assertThat(run("--url", url, "--session", "cli", "--fail-on", "none")).isEqualTo(0);
            assertThat(run("--url", url, "--session", "nobody")).isEqualTo(0);
        }
    }

    @Test
    void anUnreachableMockIsExit2NamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run("--url", "http://127.0.0.1:" + port)).isEqualTo(2);
        assertThat(err()).contains("cannot read http://127.0.0.1:" + port + "/__admin/verdict");
    }

    @Test
    void badUsageIsExit2WithTheReason() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--url is required");
        assertThat(run("--url", "http://127.0.0.1:1", "--fail-on", "everything")).isEqualTo(2);
        assertThat(err()).contains("--fail-on takes rules, checks or none");
        assertThat(run("--colour", "red")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--colour'");
    }
}
