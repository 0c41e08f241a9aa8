package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextGenerationTest {

    private final Generator generator = new Generator(42);

    private ChoiceOutput one(ChatRequest request) {
        return generator.generate(request, Requests.PLAIN).choices().get(0);
    }

    @Test
    void naturalAnswerIsSentencesEndingWithAPeriodOfNaturalLength() {
        for (long seed = 0; seed < 50; seed++) {
            ChoiceOutput out = one(Requests.chat("Tell me a story").seed(seed).build());
            assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(out.contentText()).matches("[A-Z].*[.!]").doesNotContain("  ");
            assertThat(out.content().size()).isBetween(TextComposer.MIN_NATURAL_TOKENS, TextComposer.MAX_NATURAL_TOKENS + 30);
            assertThat(out.completionTokens()).isEqualTo(out.content().size());
            assertThat(Tokenizer.tokenize(out.contentText()))
                    .containsExactlyElementsOf(out.content().stream().map(Token::text).toList());
            assertThat(out.reasoning()).isEmpty();
            assertThat(out.contentNull()).isFalse();
        }
    }

    @Test
    void sameRequestSameServerGivesSameText() {
        ChatRequest request = Requests.chat("Hello there").build();
        assertThat(new Generator(7).generate(request, Requests.PLAIN))
                .isEqualTo(new Generator(7).generate(request, Requests.PLAIN));
        assertThat(new Generator(7).generate(request, Requests.PLAIN).choices().get(0).contentText())
                .isNotEqualTo(new Generator(8).generate(request, Requests.PLAIN).choices().get(0).contentText());
    }

    @Test
    void seedFixesTheTextAcrossServersAndDifferentSeedsDiffer() {
        ChatRequest a = Requests.chat("Hello there").seed(5).build();
        assertThat(new Generator(1).generate(a, Requests.PLAIN)).isEqualTo(new Generator(2).generate(a, Requests.PLAIN));
        String textA = one(a).contentText();
        String textB = one(Requests.chat("Hello there").seed(6).build()).contentText();
        assertThat(textA).isNotEqualTo(textB);
    }

    @Test
    void modelIdIsMixedIntoTheSeed() {
        String a = one(Requests.chat("Hi").seed(5).build()).contentText();
        String b = one(Requests.chat("Hi").seed(5).model("other-model").build()).contentText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void greedyIgnoresTheSeedButStaysDeterministic() {
        String t0a = one(Requests.chat("Hi").temperature(0).seed(1).build()).contentText();
        String t0b = one(Requests.chat("Hi").temperature(0).seed(2).build()).contentText();
        String k1 = one(Requests.chat("Hi").topK(1).seed(3).build()).contentText();
        assertThat(t0a).isEqualTo(t0b).isEqualTo(k1);
        assertThat(new Generator(9).generate(Requests.chat("Hi").temperature(0).build(), Requests.PLAIN).choices().get(0)
                .contentText()).isEqualTo(t0a);
    }

    @Test
    void eachChoiceUsesItsOwnSeed() {
        Generation g = generator.generate(Requests.chat("Hi").n(3).seed(10).build(), Requests.PLAIN);
        assertThat(g.choices()).extracting(ChoiceOutput::index).containsExactly(0, 1, 2);
        assertThat(g.choices()).extracting(ChoiceOutput::contentText).doesNotHaveDuplicates();
        // choice 1 of seed 10 is seedFor(1) = 11: the same text as choice 0 of seed 11
        assertThat(g.choices().get(1).contentText()).isEqualTo(one(Requests.chat("Hi").seed(11).build()).contentText());
        Generation list = generator.generate(Requests.chat("Hi").n(2).seeds(11L, 10L).build(), Requests.PLAIN);
        assertThat(list.choices().get(0).contentText()).isEqualTo(g.choices().get(1).contentText());
        assertThat(list.choices().get(1).contentText()).isEqualTo(g.choices().get(0).contentText());
        Generation unseeded = generator.generate(Requests.chat("Hi").n(3).build(), Requests.PLAIN);
        assertThat(unseeded.choices()).extracting(ChoiceOutput::contentText).doesNotHaveDuplicates();
        assertThat(unseeded.completionTokens()).isEqualTo(
                unseeded.choices().stream().mapToInt(ChoiceOutput::completionTokens).sum());
    }

    @Test
    void maxTokensCutsExactlyWithLength() {
        for (int max = 1; max <= 20; max++) {
            ChoiceOutput out = one(Requests.chat("Hi").seed(3).maxTokens(max).minTokens(40).build());
            assertThat(out.content()).hasSize(max);
            assertThat(out.completionTokens()).isEqualTo(max);
            assertThat(out.finishReason()).isEqualTo(FinishReason.LENGTH);
        }
        ChoiceOutput roomy = one(Requests.chat("Hi").seed(3).maxTokens(1000).build());
        assertThat(roomy.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void cutIsAPrefixOfTheUncutText() {
        String full = one(Requests.chat("Hi").seed(3).build()).contentText();
        String cut = one(Requests.chat("Hi").seed(3).maxTokens(5).build()).contentText();
        assertThat(full).startsWith(cut);
    }

    @Test
    void modelMaximumAndContextLengthBoundTheOutput() {
        var small = new io.friendlikit.mock.catalog.ModelInfo("tiny", "tiny", 100, 6, false, List.of(), false, false,
                false, false, false, 0, "");
        ChoiceOutput out = generator.generate(Requests.chat("Hi").seed(1).build(), small).choices().get(0);
        assertThat(out.content()).hasSize(6);
        assertThat(out.finishReason()).isEqualTo(FinishReason.LENGTH);
        var narrow = new io.friendlikit.mock.catalog.ModelInfo("narrow", "narrow", 15, 4096, false, List.of(), false,
                false, false, false, false, 0, "");
        ChatRequest request = Requests.chat("Hi").seed(1).minTokens(50).build();
        Generation g = generator.generate(request, narrow);
        assertThat(g.promptTokens() + g.completionTokens()).isEqualTo(15);
        assertThat(g.choices().get(0).finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void unknownModelUsesDefaults() {
        Generation g = generator.generate(Requests.chat("Hi").model("dep0hyjaasjus3o").minTokens(5000).build(), null);
        assertThat(g.choices().get(0).content()).hasSize(Generator.DEFAULT_MAX_COMPLETION_TOKENS);
    }

    @Test
    void minTokensGuaranteesLengthWithWholeSentences() {
        for (int min : new int[] {1, 61, 100, 333}) {
            ChoiceOutput out = one(Requests.chat("Hi").seed(min).minTokens(min).build());
            assertThat(out.content().size()).isGreaterThanOrEqualTo(min);
            assertThat(out.contentText()).endsWith(".").isNotNull();
            assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
        }
    }

    @Test
    void stopPhraseEndsTheTextBeforeThePhrase() {
        String full = one(Requests.chat("Hi").seed(4).minTokens(30).build()).contentText();
        String phrase = full.substring(20, 27);
        ChoiceOutput out = one(Requests.chat("Hi").seed(4).minTokens(30).stop("zzz-not-there", phrase).build());
        assertThat(out.contentText()).isEqualTo(full.substring(0, full.indexOf(phrase)));
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(out.completionTokens()).isEqualTo(out.content().size());
    }

    @Test
    void stopPhraseInsideATokenKeepsTheShortenedTokenBefore() {
        ChoiceOutput plain = one(Requests.chat("Hi").seed(4).build());
        Token second = plain.content().get(1);
        assertThat(second.text()).startsWith(" ").hasSizeGreaterThan(2);
        String phrase = second.text().substring(2) + plain.content().get(2).text();
        String before = plain.content().get(0).text() + second.text().substring(0, 2);
        ChoiceOutput out = one(Requests.chat("Hi").seed(4).stop(phrase).build());
        assertThat(plain.contentText().indexOf(phrase)).isEqualTo(before.length());
        assertThat(out.contentText()).isEqualTo(before);
        assertThat(out.content()).hasSize(2);
        assertThat(out.content().get(1).text()).isEqualTo(second.text().substring(0, 2));
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void earliestCompletingPhraseWinsAndAPhraseAtTheStartGivesEmptyText() {
        ChoiceOutput plain = one(Requests.chat("Hi").seed(4).build());
        String first = plain.content().get(0).text();
        ChoiceOutput out = one(Requests.chat("Hi").seed(4).stop(".", first).build());
        assertThat(out.contentText()).isEmpty();
        assertThat(out.contentNull()).isFalse();
        assertThat(out.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void budgetBeforeTheStopPhraseMeansLength() {
        ChoiceOutput plain = one(Requests.chat("Hi").seed(4).minTokens(30).build());
        List<String> texts = plain.content().stream().map(Token::text).toList();
        String phrase = texts.get(10) + texts.get(11) + texts.get(12);
        assertThat(StopPhrases.find(texts, List.of(phrase)).completingToken()).isEqualTo(12);
        ChoiceOutput out = one(Requests.chat("Hi").seed(4).minTokens(30).stop(phrase).maxTokens(5).build());
        assertThat(out.content()).hasSize(5);
        assertThat(out.finishReason()).isEqualTo(FinishReason.LENGTH);
        ChoiceOutput roomy = one(Requests.chat("Hi").seed(4).minTokens(30).stop(phrase).maxTokens(13).build());
        assertThat(roomy.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(roomy.contentText()).isEqualTo(String.join("", texts.subList(0, 10)));
    }

    @Test
    void stopPhraseSpanningTwoTokens() {
        List<String> tokens = List.of("The", " river", " runs", ".");
        StopPhrases.Match m = StopPhrases.find(tokens, List.of("ver ru"));
        assertThat(m.kept()).containsExactly("The", " ri");
        assertThat(m.completingToken()).isEqualTo(2);
        assertThat(StopPhrases.find(tokens, List.of("sea"))).isNull();
        assertThat(StopPhrases.find(tokens, List.of("runs", "The r")).kept()).isEmpty();
    }
}
