package io.friendlikit.mock.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A page as a real browser renders it: runs Debian's {@code chromium} headless and returns the DOM after load
 * ({@code --dump-dom}). Without chromium the calling test is skipped with the reason, unless
 * {@code FRIENDLI_REQUIRE_BROWSER=1} (set by CI, which installs it) makes that a failure.
 */
public final class HeadlessChromium {

    private static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {
    }

    /** The DOM of {@code url} after the browser loaded it. */
    public static String dumpDom(String url) throws IOException, InterruptedException {
        String binary = find();
        Path profile = Files.createTempDirectory("friendli-chromium");
        Path output = Files.createTempFile("friendli-dom", ".html");
        try {
            Process p = new ProcessBuilder(binary, "--headless", "--disable-gpu", "--no-sandbox",
                    "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", url)
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("chromium did not render " + url + " within " + TIMEOUT_SECONDS + " s");
            }
            String dom = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || dom.isBlank()) {
                throw new AssertionError("chromium exited " + p.exitValue() + " rendering " + url);
            }
            return dom;
        } finally {
            Files.deleteIfExists(output);
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String find() {
        for (String name : BINARIES) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        String reason = "no headless browser: install Debian's chromium (apt-get install chromium)";
        if ("1".equals(System.getenv("FRIENDLI_REQUIRE_BROWSER"))) {
            throw new AssertionError(reason + "; FRIENDLI_REQUIRE_BROWSER=1 requires it");
        }
        Assumptions.abort(reason);
        return null;
    }
}
