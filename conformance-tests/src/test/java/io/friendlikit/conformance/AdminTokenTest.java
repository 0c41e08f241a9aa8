package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.ConfigResolver;
import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.targets.AdminClient;
import io.friendlikit.conformance.targets.Target;
import io.friendlikit.conformance.targets.TargetSession;
import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mock started with {@code --admin-token}: the kit's admin client sends the token of {@link Setting#ADMIN_TOKEN}
 * as {@code X-Admin-Token}, and without it (or with a wrong one) fails naming that setting.
 */
class AdminTokenTest {

    private static final String TOKEN = "kit-admin-s3cret";

    private MockServer mock;
    private String baseUrl;

    @BeforeEach
    void start() {
        mock = MockServer.builder().port(0).host("127.0.0.1")
                .set(io.friendlikit.mock.config.Setting.ADMIN_TOKEN, TOKEN).build().start();
        baseUrl = mock.serverlessUri().toString();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void withTheTokenTheTargetIsTheMockAndItsAdminCallsSucceed() throws Exception {
        try (TargetSession session = TargetSession.of(config(Map.of(Setting.ADMIN_TOKEN, TOKEN)))) {
            Target target = session.target();
            assertThat(target.isMock()).isTrue();
            assertThat(target.adminToken()).contains(TOKEN);
            AdminClient admin = target.admin().orElseThrow();

            assertThat(admin.reset().status()).isEqualTo(204);
            AdminClient.Reply health = admin.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("kind").asText()).isEqualTo("friendli-mock");
            assertThat(admin.inSession("alice").get("/faults").status()).as("a session client keeps the token")
                    .isEqualTo(200);
        }
    }

    @Test
    void withoutTheTokenTheMockIsStillRecognisedAndAnAdminCallFailsNamingTheSetting() throws Exception {
        try (TargetSession session = TargetSession.of(config(Map.of()))) {
            Target target = session.target();
            assertThat(target.isMock()).as("recognised from its 401 invalid_admin_token").isTrue();
            AdminClient admin = target.admin().orElseThrow();

            assertThatThrownBy(admin::reset).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("answered 401")
                    .hasMessageContaining("the kit has none")
                    .hasMessageContaining("--admin-token / -Dfriendli.admin-token / FRIENDLI_ADMIN_TOKEN")
                    .hasMessageContaining("missing X-Admin-Token header");
        }
    }

    @Test
    void aWrongTokenFailsNamingTheSetting() {
        AdminClient admin = new AdminClient(adminRoot(), Optional.of("not-the-token"));
        assertThatThrownBy(() -> admin.get("/journal")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the admin token of --admin-token / -Dfriendli.admin-token / "
                        + "FRIENDLI_ADMIN_TOKEN")
                .hasMessageContaining("wrong X-Admin-Token header");
        assertThat(new AdminClient(adminRoot(), Optional.of(TOKEN)).get("/journal").status()).isEqualTo(200);
    }

    @Test
    void aMockControlScenarioPassesWithTheTokenAndFailsNamingTheSettingWithout() {
        KitRunner.RunResult with = run(Map.of(Setting.ADMIN_TOKEN, TOKEN));
        assertThat(with.found()).isEqualTo(1);
        assertThat(with.succeeded()).as("outcomes %s", with.outcomes()).isEqualTo(1);

        KitRunner.RunResult without = run(Map.of());
        assertThat(without.failed()).isEqualTo(1);
        assertThat(without.outcomes()).singleElement().satisfies(o -> assertThat(o.message())
                .contains("FRIENDLI_ADMIN_TOKEN").contains("answered 401"));
    }

    private java.net.URI adminRoot() {
        String root = mock.baseUri().toString();
        return java.net.URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/__admin");
    }

    private KitConfig config(Map<Setting, String> more) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.BASE_URL, baseUrl);
        flags.putAll(more);
        return new ConfigResolver(flags, new Properties(), Map.of()).resolve();
    }

    private KitRunner.RunResult run(Map<Setting, String> more) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.BASE_URL, baseUrl);
        settings.putAll(more);
        return Console.capture(() -> new KitRunner().run(settings, Optional.of("@CTL-02"),
                List.of(KitRunner.SUMMARY_PLUGIN))).value();
    }
}
