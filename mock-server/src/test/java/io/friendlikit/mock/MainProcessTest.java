package io.friendlikit.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The program as users run it: a separate JVM, its output, its exit codes and its reaction to SIGTERM. */
class MainProcessTest {

    private static final Pattern LISTENING = Pattern.compile("Friendli mock listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @TempDir
    Path dir;

    /**
     * A child JVM whose stdout and stderr go to files. Pipes would not do: {@link Process#destroy()} closes the
     * parent's ends of the pipes, so what the child prints while it shuts down would be lost.
     */
    private static final class Child implements AutoCloseable {
        final Process process;
        final Path outFile;
        final Path errFile;

        Child(Path dir, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    "io.friendlikit.mock.Main"));
            command.addAll(List.of(args));
            outFile = dir.resolve("stdout.txt");
            errFile = dir.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().keySet().removeIf(k -> k.startsWith("FRIENDLI_MOCK_"));
            process = builder.start();
        }

        List<String> out() throws IOException {
            return Files.readAllLines(outFile, StandardCharsets.UTF_8);
        }

        List<String> err() throws IOException {
            return Files.readAllLines(errFile, StandardCharsets.UTF_8);
        }

        /** The first stdout line once it is complete, or null when none arrives in time. */
        String firstLine(long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String text = Files.readString(outFile, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                if (newline >= 0) {
                    return text.substring(0, newline);
                }
                if (!process.isAlive()) {
                    return null;
                }
                Thread.sleep(50);
            }
            return null;
        }

        /** Waits for the exit; true when the process ended in time. */
        boolean exits(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void startsServesAndStopsOnSigterm() throws Exception {
        try (Child child = new Child(dir, "--port", "0", "--seed", "4")) {
            String first = child.firstLine(20);
            assertThat(first).as("first stdout line (stderr: %s)", child.err()).isNotNull();
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).as("first line '%s'", first).isTrue();
            assertThat(Integer.parseInt(m.group(2))).isBetween(1, 65535);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(m.group(1) + "/serverless/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer any")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"meta-llama-3.1-8b-instruct\","
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"object\":\"chat.completion\"");

            child.process.destroy(); // SIGTERM
            assertThat(child.exits(10)).as("exited within 10 s of SIGTERM").isTrue();
            List<String> rest = child.out();
            assertThat(rest).as("stdout (exit %d, stderr %s)", child.process.exitValue(), child.err())
                    .contains("Friendli mock stopped");
            assertThat(rest.get(rest.size() - 1)).isEqualTo("Friendli mock stopped");
            assertThat(rest).anyMatch(l -> l.contains("serverless base URL: " + m.group(1) + "/serverless/v1"));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void helpExitsZeroAndListsTheOptions() throws Exception {
        try (Child child = new Child(dir, "--help")) {
            assertThat(child.exits(20)).isTrue();
            assertThat(child.process.exitValue()).isZero();
            String text = String.join("\n", child.out());
            assertThat(text).contains("--port", "--strict", "FRIENDLI_MOCK_PORT", "friendli.mock.port");
            assertThat(text).doesNotContain("Friendli mock listening");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void badPortExitsTwoNamingTheOption() throws Exception {
        try (Child child = new Child(dir, "--port", "abc")) {
            assertThat(child.exits(20)).isTrue();
            assertThat(child.process.exitValue()).isEqualTo(2);
            String err = String.join("\n", child.err());
            assertThat(err).contains("--port").contains("'abc'");
            assertThat(child.out()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unknownOptionExitsTwo() throws Exception {
        try (Child child = new Child(dir, "--nope", "1")) {
            assertThat(child.exits(20)).isTrue();
            assertThat(child.process.exitValue()).isEqualTo(2);
            assertThat(String.join("\n", child.err())).contains("--nope");
        }
    }
}
