package io.friendlikit.mock;

import io.friendlikit.mock.script.Journal;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal is bounded in bytes and keeps bodies compactly: bodies of many tiny JSON objects (a 63 KB body of
 * {@code {}} objects is about 1.7 MB as a parsed tree) cannot fill the heap, and no request is failed by the
 * journal. Runs the mock in its own JVM with a 128 MiB heap.
 */
class JournalMemoryTest {

    private static final int REQUESTS = 150;

    @Test
    void bodiesOfTinyObjectsDoNotExhaustTheHeap() throws Exception {
        StringBuilder body = new StringBuilder("{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hi\"}],\"x\":[");
        for (int i = 0; i < 21_000; i++) {
            body.append(i == 0 ? "{}" : ",{}");
        }
        body.append("]}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.friendlikit.mock.Main", "--port", "0", "--log-requests", "false"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).startsWith("Friendli mock listening on ");
            String base = first.substring("Friendli mock listening on ".length()).trim();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // a generous timeout: the child's small heap makes it slow on a loaded machine; what fails the test
            // is an error answer or the child running out of memory, not its speed
            for (int i = 0; i < REQUESTS; i++) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                                URI.create(base + "/serverless/v1/chat/completions")).timeout(Duration.ofSeconds(90))
                        .header("Authorization", "Bearer t").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("request %d: %s", i, answer.body()).isEqualTo(422);
                assertThat(answer.body()).contains("x");
            }
            HttpResponse<String> journal = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/__admin/journal?last=1")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(journal.statusCode()).isEqualTo(200);
            assertThat(journal.body()).as("the newest body is kept, parsed when read")
                    .contains("\"model\":\"meta-llama-3.1-8b-instruct\"").contains("[{},{},{}");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void oldestEntriesGoWhenTheBytesAreSpent() {
        Journal journal = new Journal(1_000, 10_000, entry -> {
            throw new IllegalStateException("a broken listener fails nothing");
        });
        for (int i = 0; i < 20; i++) {
            journal.record(entry(journal.nextId(), new byte[1_000]));
        }
        assertThat(journal.heldBytes()).isLessThanOrEqualTo(10_000);
        assertThat(journal.entries()).as("only what fits in 10,000 bytes, the newest").hasSizeBetween(5, 9);
        assertThat(journal.entries().get(journal.entries().size() - 1).id()).isEqualTo(20);
        journal.record(entry(journal.nextId(), new byte[20_000]));
        assertThat(journal.entries().get(journal.entries().size() - 1).id()).as("too large for the journal: dropped")
                .isEqualTo(20);
        assertThat(journal.entries().get(0).body()).as("a kept body parses back").isNotNull();
    }

    private static Journal.Entry entry(long id, byte[] padding) {
        byte[] body = new byte[padding.length + 2];
        body[0] = '"';
        java.util.Arrays.fill(body, 1, body.length - 1, (byte) 'a');
        body[body.length - 1] = '"';
        return new Journal.Entry(id, Instant.EPOCH, "POST", "/p", Map.of(), body, null, null, 200, null, List.of(),
                List.of(), false, null, null, null);
    }
}
