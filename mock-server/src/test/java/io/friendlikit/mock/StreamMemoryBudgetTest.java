package io.friendlikit.mock;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open streams together may hold a quarter of the heap; a stream beyond that gets 429 (and is counted in the
 * metrics) and the mock keeps serving.
 * Runs the mock in its own JVM with a 160 MiB heap (a 40 MiB stream budget; the refused stream's generation, 7 × 8192
 * tokens with 10 alternatives each, holds about 50 MiB).
 */
class StreamMemoryBudgetTest {

    private static final String BIG = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hi\"}],\"n\":7,\"min_tokens\":8192,\"max_tokens\":8192,\"stream\":true,\"logprobs\":true,\"top_logprobs\":10}";
    private static final String SMALL = "{\"model\":\"meta-llama-3.1-8b-instruct\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hi\"}],\"stream\":true}";

    @Test
    void streamOverTheBudgetIsRefusedWith429() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx160m", "-cp", System.getProperty("java.class.path"),
                "io.friendlikit.mock.Main", "--port", "0", "--log-requests", "false"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).startsWith("Friendli mock listening on ");
            String base = first.substring("Friendli mock listening on ".length()).trim();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> big = client.send(post(base, BIG), HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(429);
            assertThat(big.body()).contains("mock_busy").contains("open streams");
            assertThat(big.headers().firstValue("Retry-After")).hasValue("1");
            HttpResponse<String> small = client.send(post(base, SMALL), HttpResponse.BodyHandlers.ofString());
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).endsWith("data: [DONE]\n\n");
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/__admin/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).as("the refusal is counted").contains("friendli_mock_streams_refused_total 1.0");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static HttpRequest post(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/serverless/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer t")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
