package io.friendlikit.mock.interop;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.script.Journal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenAI Java SDK honours the retry hints of the chaos faults ({@code x-should-retry}, {@code retry-after-ms}). */
class OpenAiSdkRetryHintsTest {

    private final MockServer mock = MockServer.builder().port(0).host("127.0.0.1").seed(3).build().start();

    @AfterEach
    void stop() {
        mock.close();
    }

    private OpenAIClient client(Duration timeout) {
        // two retries: a test that sees exactly one or two requests knows the hints decided it
        return OpenAIOkHttpClient.builder().baseUrl(mock.serverlessUri().toString()).apiKey("flp_any")
                .maxRetries(2).timeout(timeout).build();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("meta-llama-3.1-8b-instruct").addUserMessage("Hi")
                .maxTokens(4).build();
    }

    private java.util.List<Integer> statuses() {
        return mock.journal().entries().stream().map(Journal.Entry::status).toList();
    }

    @Test
    void shouldRetryFalseStopsTheRetryOfA500() {
        mock.faults().add(new Fault.HttpError(500, "do not retry", null, null, false), 1);
        OpenAIClient client = client(Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.chat().completions().create(params()))
                .isInstanceOf(InternalServerException.class);
        assertThat(statuses()).containsExactly(500);
        client.close();
    }

    @Test
    void shouldRetryTrueRetriesEvenA400AfterRetryAfterMs() {
        mock.faults().add(new Fault.HttpError(400, "try again", null, 20, true), 1);
        OpenAIClient client = client(Duration.ofSeconds(10));
        ChatCompletion answer = client.chat().completions().create(params());
        assertThat(answer.choices()).hasSize(1);
        assertThat(statuses()).containsExactly(400, 200);
        client.close();
    }

    @Test
    void aRateLimitIsRetriedAfterItsHint() {
        mock.faults().add(new Fault.RateLimit(60, 0, 30, null), 1);
        OpenAIClient client = client(Duration.ofSeconds(10));
        assertThat(client.chat().completions().create(params()).choices()).hasSize(1);
        assertThat(statuses()).containsExactly(429, 200);
        client.close();
    }
}
