package io.friendlikit.mock.junit5.example;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.friendlikit.mock.junit5.AdminClient;
import io.friendlikit.mock.junit5.FaultSpec;
import io.friendlikit.mock.junit5.FriendliMock;
import io.friendlikit.mock.junit5.MockUri;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FriendliMock(seed = 42, failOnViolations = true)   // one mock for the class, reset after each test
class ChatClientTest {

    private final OpenAIClient client;

    ChatClientTest(@MockUri URI serverless) {        // http://127.0.0.1:<free port>/serverless/v1
        client = OpenAIOkHttpClient.builder().baseUrl(serverless.toString()).apiKey("flp_test")
                .maxRetries(1).build();
    }

    private ChatCompletion ask(String question) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("meta-llama-3.1-8b-instruct").addUserMessage(question).build());
    }

    @Test
    void retriesA503AndGetsTheAnswer(AdminClient admin) {
        admin.addFault(FaultSpec.httpError(503).times(1));   // the same as POST /__admin/faults

        ChatCompletion answer = ask("Hello");

        assertThat(answer.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).isNotBlank());
        assertThat(admin.journal()).extracting(AdminClient.JournalEntry::status).containsExactly(503, 200);
    }

    @Test
    void givesUpAfterItsRetries(AdminClient admin) {
        admin.addFault(FaultSpec.httpError(503).message("overloaded"));   // until the test ends

        assertThatThrownBy(() -> ask("Hello")).isInstanceOfSatisfying(InternalServerException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(admin.journal()).hasSize(2);                           // the first try and one retry
    }
}
