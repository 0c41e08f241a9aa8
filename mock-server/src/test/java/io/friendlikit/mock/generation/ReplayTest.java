package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTest {

    private final Generator generator = new Generator(8);

    private static final CannedReply TEXT = new CannedReply("Hello there, how may I assist you today?", List.of());
    private static final CannedReply CALLS = new CannedReply(null, List.of(
            new CannedReply.Call("get_weather", Requests.json("{\"location\": \"Paris\", \"date\": \"2025-01-08\"}")),
            new CannedReply.Call("clock", null)));

    private ChoiceOutput one(ChatRequest request, CannedReply reply) {
        return generator.replay(request, Requests.PLAIN, reply).choices().get(0);
    }

    @Test
    void emitsExactlyTheScriptedText() {
        ChoiceOutput out = one(Requests.chat("hi").build(), TEXT);
        assertThat(out.contentText()).isEqualTo(TEXT.content());
        assertThat(out.content()).extracting(Token::text).containsExactlyElementsOf(Tokenizer.tokenize(TEXT.content()));
        assertThat(out.completionTokens()).isEqualTo(10);
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(out.toolCalls()).isEmpty();
    }

    @Test
    void sameReplyForEveryChoice() {
        Generation g = generator.replay(Requests.chat("hi").n(3).build(), Requests.PLAIN, TEXT);
        assertThat(g.choices()).extracting(ChoiceOutput::contentText).containsOnly(TEXT.content());
        assertThat(g.completionTokens()).isEqualTo(30);
        assertThat(g.promptTokens()).isEqualTo(generator.promptTokens(Requests.chat("hi").build()));
    }

    @Test
    void scriptedCallsWithCompactArguments() {
        Generation g = generator.replay(Requests.chat("weather?").n(2).build(), Requests.PLAIN, CALLS);
        ChoiceOutput out = g.choices().get(0);
        assertThat(out.contentNull()).isTrue();
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::name).containsExactly("get_weather", "clock");
        assertThat(out.toolCalls()).extracting(GeneratedToolCall::arguments)
                .containsExactly("{\"location\":\"Paris\",\"date\":\"2025-01-08\"}", "{}");
        assertThat(out.toolCalls()).allSatisfy(c -> assertThat(c.id()).matches("call_[A-Za-z0-9]{24}"));
        assertThat(g.choices().get(1).toolCalls().get(0).id()).isNotEqualTo(out.toolCalls().get(0).id());
        assertThat(g.choices().get(1).toolCalls()).extracting(GeneratedToolCall::arguments)
                .containsExactlyElementsOf(out.toolCalls().stream().map(GeneratedToolCall::arguments).toList());
    }

    @Test
    void textAndCallsTogether() {
        ChoiceOutput out = one(Requests.chat("hi").build(), new CannedReply("Let me check.", CALLS.toolCalls()));
        assertThat(out.contentText()).isEqualTo("Let me check.");
        assertThat(out.toolCalls()).hasSize(2);
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void emptyReplyIsEmptyText() {
        ChoiceOutput out = one(Requests.chat("hi").build(), new CannedReply(null, List.of()));
        assertThat(out.contentNull()).isFalse();
        assertThat(out.contentText()).isEmpty();
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void honoursMaxTokensStopAndLogprobs() {
        ChoiceOutput cut = one(Requests.chat("hi").maxTokens(3).build(), TEXT);
        assertThat(cut.contentText()).isEqualTo("Hello there,");
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);

        ChoiceOutput stopped = one(Requests.chat("hi").stop("may I").build(), TEXT);
        assertThat(stopped.contentText()).isEqualTo("Hello there, how ");
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);

        ChoiceOutput stoppedBeforeCalls = one(Requests.chat("hi").stop("check").build(),
                new CannedReply("Let me check.", CALLS.toolCalls()));
        assertThat(stoppedBeforeCalls.contentText()).isEqualTo("Let me ");
        assertThat(stoppedBeforeCalls.toolCalls()).isEmpty();
        assertThat(stoppedBeforeCalls.finishReason()).isEqualTo(FinishReason.STOP);

        ChoiceOutput callCut = one(Requests.chat("hi").maxTokens(4).build(), CALLS);
        assertThat(callCut.toolCalls()).hasSize(1);
        assertThat(callCut.toolCalls().get(0).arguments()).isEqualTo("{\"location\"");
        assertThat(callCut.finishReason()).isEqualTo(FinishReason.LENGTH);

        ChoiceOutput withLogprobs = one(Requests.chat("hi").logprobs(2).build(), TEXT);
        assertThat(withLogprobs.content()).allSatisfy(t -> {
            assertThat(t.logprob()).isNegative();
            assertThat(t.alternatives()).hasSize(2).extracting(Token.Alternative::text).contains(t.text());
        });
    }
}
