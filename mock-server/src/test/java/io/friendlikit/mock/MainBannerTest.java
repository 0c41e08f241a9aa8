package io.friendlikit.mock;

import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The banner names the address really bound and warns when the admin API is reachable from other machines. */
class MainBannerTest {

    private static List<String> banner(String host, MockConfig.Builder config) throws Exception {
        InetSocketAddress bound = new InetSocketAddress(InetAddress.getByName(host), 8080);
        return Main.listeningLines(bound, URI.create("http://127.0.0.1:8080"), config.set(Setting.HOST, host).build());
    }

    @Test
    void onLoopbackTheFirstLineIsTheBaseUrlAndThereIsNoWarning() throws Exception {
        List<String> lines = banner("127.0.0.1", new MockConfig.Builder());
        assertThat(lines).containsExactly("Friendli mock listening on http://127.0.0.1:8080");
    }

    @Test
    void onEveryInterfaceItNamesTheWildcardAndWarnsAboutTheOpenAdminApi() throws Exception {
        List<String> lines = banner("0.0.0.0", new MockConfig.Builder());
        assertThat(lines.get(0)).startsWith("Friendli mock listening on http://0.0.0.0:8080 (every interface: ");
        assertThat(lines.get(0)).doesNotStartWith("Friendli mock listening on http://127.0.0.1");
        assertThat(lines).anyMatch(l -> l.contains("WARNING") && l.contains("/__admin")
                && l.contains("--admin-token"));
    }

    @Test
    void withATokenTheWarningBecomesANoteAndNamesTheConfiguredHosts() throws Exception {
        List<String> lines = banner("0.0.0.0", new MockConfig.Builder().set(Setting.ADMIN_TOKEN, "s3cret")
                .set(Setting.ADMIN_HOSTS, Set.of("mock.lan")));
        assertThat(lines).noneMatch(l -> l.contains("WARNING"));
        assertThat(lines).anyMatch(l -> l.contains("X-Admin-Token"));
        assertThat(lines).anyMatch(l -> l.contains("mock.lan"));
        assertThat(String.join("\n", lines)).doesNotContain("s3cret");
    }

    @Test
    void withTheAdminApiOffThereIsNothingToWarnAbout() throws Exception {
        List<String> lines = banner("0.0.0.0", new MockConfig.Builder().set(Setting.ADMIN, false));
        assertThat(lines).hasSize(1);
    }
}
