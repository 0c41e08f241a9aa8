package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.ConfigurationException;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public runner API, as a user's build calls it against a server it started itself. */
class ConformanceKitTest {

    private MockServer mock;
    private URI base;

    @BeforeEach
    void startMock() {
        mock = MockServer.builder().port(0).seed(7L).build().start();
        base = mock.serverlessUri();
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    @Test
    void runsTheSelectedScenariosAgainstTheGivenServerAndWritesTheReports() throws Exception {
        Path reports = Path.of("target", "conformance-kit-test");
        Console.Captured<KitRunner.RunResult> run = Console.capture(() -> ConformanceKit.against(base)
                .token("kit-api-token").tags("@SSE-07 or @RESP-01").reportDir(reports).run());

        KitRunner.RunResult result = run.value();
        assertThat(result.failed()).as("outcomes %s", result.outcomes()).isZero();
        assertThat(result.succeeded()).isPositive().isEqualTo(result.found());
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.scenario()).isNotBlank());
        assertThat(run.out()).contains("Conformance: " + result.succeeded() + " passed, 0 failed, 0 skipped");
        assertThat(reports.resolve("cucumber.json")).isNotEmptyFile();
        assertThat(Files.readString(reports.resolve("cucumber.json"))).contains("@SSE-07").contains("@RESP-01");
        assertThat(reports.resolve("cucumber-junit.xml")).isNotEmptyFile();
        assertThat(mock.journal().entries()).as("requests reached the server given").isNotEmpty();
    }

    @Test
    void withoutSummaryPrintsNothing() {
        Console.Captured<KitRunner.RunResult> run = Console.capture(() -> ConformanceKit.against(base)
                .tags("@RESP-03").reportDir(Path.of("target", "conformance-kit-test-quiet")).withoutSummary().run());
        assertThat(run.value().succeeded()).isPositive();
        assertThat(run.out()).doesNotContain("Conformance:");
    }

    @Test
    void aMalformedSettingFailsTheRunNamingIt() {
        assertThatThrownBy(() -> ConformanceKit.against(base).set(Setting.TIMEOUT_SECONDS, "soon").run())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FRIENDLI_TIMEOUT_SECONDS").hasMessageContaining("--timeout");
    }
}
