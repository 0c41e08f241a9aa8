package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.ConformanceMain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceMainTest {

    @Test
    void usageAndConfigurationErrorsExitWithTwo() {
        assertThat(ConformanceMain.run(new String[]{"--no-such-option", "x"})).isEqualTo(2);
        assertThat(ConformanceMain.run(new String[]{"--base-url"})).isEqualTo(2);
        assertThat(ConformanceMain.run(new String[]{"--base-url", "https://api.example.com/serverless/v1"})).isEqualTo(2);
        assertThat(ConformanceMain.run(new String[]{"--base-url", "http://127.0.0.1:9/serverless/v1", "--timeout", "soon"}))
                .isEqualTo(2);
    }

    @Test
    void helpExitsWithZero() {
        assertThat(ConformanceMain.run(new String[]{"--help"})).isZero();
    }
}
