package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningTest {

    private final Generator generator = new Generator(21);

    private ChoiceOutput reasoning(ChatRequest request) {
        return generator.generate(request, Requests.REASONING).choices().get(0);
    }

    private static Requests.Builder ask() {
        return Requests.chat("Why is the sky blue?").model(Requests.REASONING.id()).seed(3);
    }

    @Test
    void parseReasoningProducesReasoningBeforeTheAnswer() {
        ChoiceOutput out = reasoning(ask().parseReasoning(true).build());
        assertThat(out.reasoning()).isNotEmpty();
        assertThat(out.reasoningText()).matches("[A-Z].*[.!]");
        assertThat(out.contentText()).isNotEmpty();
        assertThat(out.completionTokens()).isEqualTo(out.reasoning().size() + out.content().size());
        assertThat(out.hiddenReasoningTokens()).isZero();
        assertThat(Tokenizer.tokenize(out.reasoningText()))
                .containsExactlyElementsOf(out.reasoning().stream().map(Token::text).toList());
    }

    @Test
    void unparsedReasoningCanBeWrittenInlineInThinkTags() {
        Generator inline = new Generator(21, true);
        ChoiceOutput parsed = inline.generate(ask().parseReasoning(true).build(), Requests.REASONING).choices().get(0);
        ChoiceOutput unparsed = inline.generate(ask().build(), Requests.REASONING).choices().get(0);
        assertThat(unparsed.reasoning()).isEmpty();
        assertThat(unparsed.contentText())
                .isEqualTo("<think>\n" + parsed.reasoningText() + "\n</think>\n\n" + parsed.contentText());
        assertThat(unparsed.completionTokens()).isEqualTo(unparsed.content().size());
        ChoiceOutput plainModel = inline.generate(ask().build(), Requests.PLAIN).choices().get(0);
        assertThat(plainModel.contentText()).doesNotContain("<think>");
        ChoiceOutput off = inline.generate(ask().kwarg("enable_thinking", false).build(), Requests.REASONING)
                .choices().get(0);
        assertThat(off.contentText()).doesNotContain("<think>");
    }

    @Test
    void noReasoningWithoutParseReasoningOrOnPlainModels() {
        assertThat(reasoning(ask().build()).reasoning()).isEmpty();
        assertThat(reasoning(ask().parseReasoning(false).build()).reasoning()).isEmpty();
        ChoiceOutput plain = generator.generate(ask().parseReasoning(true).build(), Requests.PLAIN).choices().get(0);
        assertThat(plain.reasoning()).isEmpty();
        assertThat(plain.hiddenReasoningTokens()).isZero();
        assertThat(generator.generate(ask().parseReasoning(true).build(), null).choices().get(0).reasoning()).isEmpty();
        assertThat(reasoning(ask().parseReasoning(true).kwarg("enable_thinking", false).build()).reasoning()).isEmpty();
    }

    @Test
    void hiddenReasoningStillCounts() {
        ChoiceOutput shown = reasoning(ask().parseReasoning(true).build());
        ChoiceOutput hidden = reasoning(ask().parseReasoning(true).includeReasoning(false).build());
        assertThat(hidden.reasoning()).isEmpty();
        assertThat(hidden.reasoningText()).isNull();
        assertThat(hidden.hiddenReasoningTokens()).isEqualTo(shown.reasoning().size());
        assertThat(hidden.contentText()).isEqualTo(shown.contentText());
        assertThat(hidden.completionTokens()).isEqualTo(shown.completionTokens());
    }

    @Test
    void effortScalesTheLength() {
        int previousMax = 0;
        for (String effort : new String[] {"minimal", "low", "medium", "high", "xhigh", "max", "ultracode"}) {
            int[] range = Generator.reasoningRange(effort);
            assertThat(range[1]).isGreaterThan(previousMax);
            previousMax = range[1];
            for (long seed = 0; seed < 5; seed++) {
                int size = reasoning(ask().seed(seed).parseReasoning(true).reasoningEffort(effort).build())
                        .reasoning().size();
                assertThat(size).isBetween(range[0], range[1] + 30);
            }
        }
        int low = reasoning(ask().parseReasoning(true).reasoningEffort("low").build()).reasoning().size();
        int max = reasoning(ask().parseReasoning(true).reasoningEffort("max").build()).reasoning().size();
        assertThat(low).isLessThan(max);
    }

    @Test
    void budgetCapsTheReasoning() {
        assertThat(reasoning(ask().parseReasoning(true).reasoningBudget(0).build()).reasoning()).isEmpty();
        assertThat(reasoning(ask().parseReasoning(true).reasoningBudget(5).build()).reasoning()).hasSize(5);
        int unlimited = reasoning(ask().parseReasoning(true).reasoningBudget(-1).reasoningEffort("max").build())
                .reasoning().size();
        assertThat(unlimited).isGreaterThanOrEqualTo(250);
    }

    @Test
    void reasoningCountsAgainstMaxTokens() {
        ChoiceOutput out = reasoning(ask().parseReasoning(true).maxTokens(10).build());
        assertThat(out.reasoning()).hasSize(10);
        assertThat(out.content()).isEmpty();
        assertThat(out.contentText()).isEmpty();
        assertThat(out.finishReason()).isEqualTo(FinishReason.LENGTH);
        ChoiceOutput full = reasoning(ask().parseReasoning(true).build());
        int r = full.reasoning().size();
        ChoiceOutput split = reasoning(ask().parseReasoning(true).maxTokens(r + 3).build());
        assertThat(split.reasoning()).hasSize(r);
        assertThat(split.content()).hasSize(3);
        assertThat(split.completionTokens()).isEqualTo(r + 3);
        assertThat(split.finishReason()).isEqualTo(FinishReason.LENGTH);
        ChoiceOutput hidden = reasoning(ask().parseReasoning(true).includeReasoning(false).maxTokens(r + 3).build());
        assertThat(hidden.completionTokens()).isEqualTo(r + 3);
    }

    @Test
    void reasoningThenToolCall() {
        ChoiceOutput out = reasoning(ask().parseReasoning(true).tool(ToolCallTest.WEATHER).user("weather in Oslo")
                .build());
        assertThat(out.reasoning()).isNotEmpty();
        assertThat(out.toolCalls()).hasSize(1);
        assertThat(out.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }
}
