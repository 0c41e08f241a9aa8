package io.friendlikit.mock.interop;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.verdict.Check;
import io.friendlikit.mock.verdict.Grader;
import io.friendlikit.mock.verdict.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the verdict says of the OpenAI Java SDK with its default retry policy (two retries with exponential backoff
 * and jitter, Retry-After honoured): it waits out a 429 and backs off after server errors.
 */
class OpenAiSdkVerdictTest {

    private final MockServer mock = MockServer.builder().port(0).host("127.0.0.1").seed(3).build().start();

    @AfterEach
    void stop() {
        mock.close();
    }

    private OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(mock.serverlessUri().toString()).apiKey("flp_sdk").build();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model("meta-llama-3.1-8b-instruct").addUserMessage("Hi")
                .maxTokens(4).build();
    }

    private Verdict.CheckResult check(String id) {
        Verdict v = new Grader(Check.Limits.DEFAULT).grade(mock.journal().entries());
        return v.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSdkWaitsOutA429WithRetryAfter() {
        mock.faults().add(new Fault.HttpError(429, "slow down", 1, null, null), 1);
        OpenAIClient client = client();
        assertThat(client.chat().completions().create(params()).choices()).hasSize(1);
        client.close();
        Verdict.CheckResult retry = check("retry_after");
        assertThat(retry.outcome()).as(retry.toString()).isEqualTo("pass");
        assertThat(retry.cases()).isEqualTo(1);
    }

    @Test
    void theSdkBacksOffAfterServerErrorsAndGivesUpWithinTheBound() {
        mock.faults().add(new Fault.HttpError(503, "overloaded", null, null, null), 3);
        OpenAIClient client = client();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.chat().completions().create(params()))
                .isInstanceOf(com.openai.errors.OpenAIServiceException.class);
        client.close();
        assertThat(mock.journal().entries()).hasSize(3); // the first try and its two retries
        Verdict.CheckResult backoff = check("backoff_after_5xx");
        assertThat(backoff.outcome()).as(backoff.toString()).isEqualTo("pass");
    }
}
