package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.Setting;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: runs something that prints on purpose (the kit's summary, the command line's usage and errors)
 * with standard output and error captured, so a green build log shows only the build's own totals.
 */
final class Console {

    record Captured<T>(T value, String out, String err) {
    }

    private Console() {
    }

    static synchronized <T> Captured<T> capture(Supplier<T> action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            T value = action.get();
            return new Captured<>(value, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Runs the kit with its summary plugin, captured, and checks that the summary reports the run's counts. */
    static KitRunner.RunResult runKit(Map<Setting, String> settings, String tags) {
        Captured<KitRunner.RunResult> run = capture(() ->
                new KitRunner().run(settings, Optional.of(tags), List.of(KitRunner.SUMMARY_PLUGIN)));
        KitRunner.RunResult result = run.value();
        assertThat(run.out()).as("the summary printed for %s", tags).contains(String.format(
                "Conformance: %d passed, %d failed, %d skipped", result.succeeded(), result.failed(), result.skipped()));
        return result;
    }
}
