package io.friendlikit.mock.cli;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.drift.Divergences;
import io.friendlikit.mock.drift.DriftInputException;
import io.friendlikit.mock.drift.DriftPage;
import io.friendlikit.mock.drift.DriftReport;
import io.friendlikit.mock.drift.DriftRunner;
import io.friendlikit.mock.drift.DriftText;
import io.friendlikit.mock.recording.Recording;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code friendli-mock-server.jar drift --recordings DIR [--against ROOT] [--token T] [--divergences FILE]
 * [--target mock|live|other] [--json FILE] [--html FILE]}: sends every recording's request to a target and reports
 * how its answers differ in structure (docs/RECORDINGS.md, "Drift"). Without {@code --against} the target is a mock
 * started for the run with default settings. Exits 0 when nothing drifted, 1 when something did, 2 on bad input
 * (the line names the option, file or URL).
 */
public final class DriftCommand {

    static final String USAGE = "usage: drift --recordings DIR [--against ROOT] [--token TOKEN]"
            + " [--divergences FILE] [--target mock|live|other] [--json FILE] [--html FILE]";
    static final List<String> OPTIONS = List.of("--recordings", "--against", "--token", "--divergences", "--target",
            "--json", "--html");
    /** Recordings hold {@code Bearer <redacted>}; the mock takes any non-empty token. */
    static final String DEFAULT_TOKEN = "drift";
    /** Read when present in the working directory and no {@code --divergences} is given. */
    static final Path DEFAULT_DIVERGENCES = Path.of("fixtures", "divergences.json");

    private DriftCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!OPTIONS.contains(name) || i + 1 >= args.size()) {
                err.println("friendli-mock drift: " + (OPTIONS.contains(name) ? name + " needs a value"
                        : "unknown option '" + name + "'") + "; " + USAGE);
                return 2;
            }
            if (options.put(name, args.get(++i)) != null) {
                err.println("friendli-mock drift: " + name + " is given twice; " + USAGE);
                return 2;
            }
        }
        if (!options.containsKey("--recordings")) {
            err.println("friendli-mock drift: --recordings is required; " + USAGE);
            return 2;
        }
        String against = options.get("--against");
        String target = options.getOrDefault("--target", against == null ? "mock" : "other");
        if (!Divergences.TARGETS.contains(target)) {
            err.println("friendli-mock drift: --target takes mock, live or other, got '" + target + "'");
            return 2;
        }
        String token = options.getOrDefault("--token", DEFAULT_TOKEN);
        if (token.isBlank()) {
            err.println("friendli-mock drift: --token must not be empty");
            return 2;
        }
        MockServer embedded = null;
        try {
            Divergences divergences = divergences(options.get("--divergences"));
            List<Map.Entry<String, Recording>> recordings = DriftRunner.read(Path.of(options.get("--recordings")));
            if (against == null) {
                embedded = MockServer.builder().host("127.0.0.1").port(0).build().start();
                against = embedded.baseUri().toString();
            }
            DriftReport report = new DriftRunner(against, token, target, divergences).run(recordings);
            DriftText.console(report).forEach(out::println);
            write(options.get("--json"), "--json", DriftText.json(report));
            write(options.get("--html"), "--html", DriftPage.render(report));
            return report.anyDrift() ? 1 : 0;
        } catch (DriftInputException e) {
            err.println("friendli-mock drift: " + e.getMessage());
            return 2;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static Divergences divergences(String file) {
        if (file != null) {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) {
                throw new DriftInputException("--divergences " + file + ": no such file");
            }
            return Divergences.read(p);
        }
        return Files.isRegularFile(DEFAULT_DIVERGENCES) ? Divergences.read(DEFAULT_DIVERGENCES) : Divergences.none();
    }

    private static void write(String file, String option, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new DriftInputException(option + " " + file + ": cannot write: " + e.getMessage());
        }
    }
}
