package io.friendlikit.mock.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.script.Journal;
import io.friendlikit.mock.validation.RequestValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official OpenAI Java SDK against the mock's serverless base URL: the mock's answers must parse with the
 * SDK's strict models, and its errors must surface as the SDK's typed exceptions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiSdkInteropTest {

    private static final String MODEL = "meta-llama-3.1-8b-instruct";

    private MockServer open;
    private MockServer guarded;
    private OpenAIClient client;

    @BeforeAll
    void start() {
        open = MockServer.builder().port(0).host("127.0.0.1").seed(3).build().start();
        guarded = MockServer.builder().port(0).host("127.0.0.1").seed(3).tokens(Set.of("good")).build().start();
        client = client(open, "flp_any_token");
    }

    @AfterAll
    void stop() {
        client.close();
        open.close();
        guarded.close();
    }

    @BeforeEach
    void reset() {
        open.reset();
        guarded.reset();
    }

    private static OpenAIClient client(MockServer server, String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.serverlessUri().toString())
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static ChatCompletionCreateParams.Builder params(long seed) {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("Tell me something about Paris.")
                .seed(seed);
    }

    @Test
    void plainCreateParses() {
        ChatCompletion completion = client.chat().completions().create(params(42).build());

        completion.validate();
        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.model()).isEqualTo(MODEL);
        assertThat(completion.created()).isPositive();
        assertThat(completion.choices()).hasSize(1);
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.index()).isZero();
        assertThat(choice.message().content()).hasValueSatisfying(text -> assertThat(text).isNotEmpty());
        assertThat(choice.finishReason()).isIn(ChatCompletion.Choice.FinishReason.STOP,
                ChatCompletion.Choice.FinishReason.LENGTH);
        CompletionUsage usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).isPositive();
        assertThat(usage.completionTokens()).isPositive();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertOnlyKnownMembersSent(open);
    }

    @Test
    void nChoicesParse() {
        ChatCompletion completion = client.chat().completions().create(params(5).n(2).build());

        completion.validate();
        assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L);
    }

    @Test
    void streamedCreateConcatenatesToThePlainAnswerAndReportsUsage() {
        ChatCompletion plain = client.chat().completions().create(params(42).build());
        String expected = plain.choices().get(0).message().content().orElseThrow();

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletionCreateParams streamed = params(42)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(streamed)) {
            Iterator<ChatCompletionChunk> it = response.stream().iterator();
            while (it.hasNext()) {
                ChatCompletionChunk chunk = it.next();
                chunk.validate();
                chunks.add(chunk);
            }
        }

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        String content = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(ch -> ch.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo(expected);
        assertThat(chunks.stream().flatMap(c -> c.choices().stream())
                .filter(ch -> ch.finishReason().isPresent())).hasSize(1);

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        CompletionUsage usage = last.usage().orElseThrow();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(usage).isEqualTo(plain.usage().orElseThrow());
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
        assertOnlyKnownMembersSent(open);
    }

    @Test
    void streamWithoutUsageOptionHasNoUsageChunk() {
        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> response =
                     client.chat().completions().createStreaming(params(8).build())) {
            chunks = response.stream().peek(ChatCompletionChunk::validate).toList();
        }
        assertThat(chunks).isNotEmpty().allSatisfy(c -> {
            assertThat(c.usage()).isEmpty();
            assertThat(c.choices()).hasSize(1);
        });
    }

    @Test
    void badTokenIsUnauthorizedException() {
        OpenAIClient bad = client(guarded, "wrong");
        OpenAIClient good = client(guarded, "good");
        try {
            UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class,
                    () -> bad.chat().completions().create(params(1).build()));

            assertThat(e).isNotNull();
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.getMessage()).contains("invalid token: it is not one of the mock's accepted tokens");
            assertThat(e.code()).contains("invalid_api_key");
            assertThat(e.type()).contains("authentication_error");
            assertThat(good.chat().completions().create(params(1).build()).choices()).hasSize(1);
        } finally {
            bad.close();
            good.close();
        }
    }

    @Test
    void badTokenOnAStreamIsUnauthorizedException() {
        OpenAIClient bad = client(guarded, "wrong");
        try {
            UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> {
                try (StreamResponse<ChatCompletionChunk> r = bad.chat().completions().createStreaming(params(1).build())) {
                    r.stream().forEach(c -> { });
                }
            });
            assertThat(e).isNotNull();
            assertThat(e.statusCode()).isEqualTo(401);
        } finally {
            bad.close();
        }
    }

    @Test
    void unknownMemberIsUnprocessableEntityException() {
        UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
                () -> client.chat().completions().create(params(1).user("someone").build()));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains("no such field: 'user'");
        assertThat(e.param()).contains("user");
        assertThat(e.code()).contains("unknown_field");
    }

    @Test
    void rangeViolationIsUnprocessableEntityException() {
        UnprocessableEntityException e = catchThrowableOfType(UnprocessableEntityException.class,
                () -> client.chat().completions().create(params(1).topP(0.0).build()));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains("top_p must be in (0, 1], got 0");
        assertThat(e.param()).contains("top_p");
    }

    /** Every member the SDK put in the bodies it sent is one the mock knows (strict mode accepts it). */
    private static void assertOnlyKnownMembersSent(MockServer server) {
        List<Journal.Entry> entries = server.journal().entries();
        assertThat(entries).isNotEmpty();
        for (Journal.Entry entry : entries) {
            JsonNode body = entry.body();
            assertThat(body).isNotNull();
            List<String> names = new ArrayList<>();
            body.fieldNames().forEachRemaining(names::add);
            assertThat(RequestValidator.knownFields()).as("members sent by the SDK").containsAll(names);
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.headers().get("authorization")).startsWith("Bearer ");
        }
    }
}
