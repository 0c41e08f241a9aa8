package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.ConformanceMain;
import io.friendlikit.conformance.config.Setting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceMainTest {

    private static Console.Captured<Integer> run(String... args) {
        return Console.capture(() -> ConformanceMain.run(args));
    }

    @Test
    void usageAndConfigurationErrorsExitWithTwo() {
        Console.Captured<Integer> unknown = run("--no-such-option", "x");
        assertThat(unknown.value()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option --no-such-option").contains("Usage:");

        Console.Captured<Integer> missingValue = run("--base-url");
        assertThat(missingValue.value()).isEqualTo(2);
        assertThat(missingValue.err()).contains("Option --base-url needs a value");

        Console.Captured<Integer> remoteWithoutToken = run("--base-url", "https://api.example.com/serverless/v1");
        assertThat(remoteWithoutToken.value()).isEqualTo(2);
        assertThat(remoteWithoutToken.err()).contains("FRIENDLI_TOKEN").contains("--token");

        Console.Captured<Integer> badTimeout = run("--base-url", "http://127.0.0.1:9/serverless/v1", "--timeout", "soon");
        assertThat(badTimeout.value()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("Bad value 'soon'").contains("FRIENDLI_TIMEOUT_SECONDS");
    }

    @Test
    void helpExitsWithZeroAndListsEverySettingWithItsRow() {
        Console.Captured<Integer> help = run("--help");
        assertThat(help.value()).isZero();
        assertThat(help.out()).startsWith("Usage:");
        for (Setting setting : Setting.values()) {
            assertThat(help.out()).as(setting.flag())
                    .contains(setting.flag()).contains("-D" + setting.property()).contains(setting.environmentVariable())
                    .contains(setting.description()).contains("default: " + setting.defaultText());
        }
    }
}
