package io.friendlikit.mock.generation;

import io.friendlikit.mock.wire.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogprobsTest {

    private final Generator generator = new Generator(3);

    private ChoiceOutput one(ChatRequest request) {
        return generator.generate(request, Requests.PLAIN).choices().get(0);
    }

    @Test
    void logprobIsAlwaysFilledAndAlternativesOnlyWhenRequested() {
        ChoiceOutput out = one(Requests.chat("Hi").seed(1).minTokens(100).build());
        assertThat(out.content()).allSatisfy(t -> {
            assertThat(t.logprob()).isLessThan(0.0).isGreaterThan(-50.0);
            assertThat(t.alternatives()).isEmpty();
        });
        ChoiceOutput noTop = one(Requests.chat("Hi").seed(1).logprobs(null).build());
        assertThat(noTop.content()).allSatisfy(t -> assertThat(t.alternatives()).isEmpty());
        ChoiceOutput zero = one(Requests.chat("Hi").seed(1).logprobs(0).build());
        assertThat(zero.content()).allSatisfy(t -> assertThat(t.alternatives()).isEmpty());
    }

    @Test
    void exactlyKSortedDistinctAlternativesContainingTheChosenToken() {
        for (int k : new int[] {1, 2, 5, 20}) {
            ChoiceOutput out = one(Requests.chat("Hi").seed(k).temperature(1.5).minTokens(200).logprobs(k).build());
            for (Token t : out.content()) {
                assertThat(t.alternatives()).hasSize(k);
                assertThat(t.alternatives()).isSortedAccordingTo(
                        Comparator.comparingDouble(Token.Alternative::logprob).reversed());
                assertThat(t.alternatives()).extracting(Token.Alternative::text).doesNotHaveDuplicates()
                        .contains(t.text());
                Token.Alternative own = t.alternatives().stream().filter(a -> a.text().equals(t.text())).findFirst()
                        .orElseThrow();
                assertThat(own.logprob()).isEqualTo(t.logprob());
                assertThat(t.alternatives()).allSatisfy(a -> assertThat(a.logprob()).isLessThan(0.0));
                double probabilityMass = t.alternatives().stream().mapToDouble(a -> Math.exp(a.logprob())).sum();
                assertThat(probabilityMass).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void sampledTokensAreSometimesNotTheTopCandidate() {
        ChoiceOutput out = one(Requests.chat("Hi").seed(8).temperature(2).minTokens(300).logprobs(3).build());
        long notTop = out.content().stream().filter(t -> !t.alternatives().get(0).text().equals(t.text())).count();
        assertThat(notTop).isPositive();
    }

    @Test
    void greedyPicksTheTopCandidateEverywhere() {
        ChoiceOutput out = one(Requests.chat("Hi").temperature(0).minTokens(300).logprobs(4).build());
        assertThat(out.content()).allSatisfy(t -> assertThat(t.alternatives().get(0).text()).isEqualTo(t.text()));
    }

    @Test
    void logprobsDoNotChangeTheTextOrTheChosenLogprob() {
        ChoiceOutput without = one(Requests.chat("Hi").seed(2).build());
        ChoiceOutput with = one(Requests.chat("Hi").seed(2).logprobs(5).build());
        assertThat(with.contentText()).isEqualTo(without.contentText());
        assertThat(with.content()).extracting(Token::logprob)
                .containsExactlyElementsOf(without.content().stream().map(Token::logprob).toList());
    }

    @Test
    void alternativesResembleTheChosenToken() {
        ChoiceOutput out = one(Requests.chat("Hi").seed(6).logprobs(3).build());
        for (Token t : out.content()) {
            List<String> others = t.alternatives().stream().map(Token.Alternative::text).toList();
            if (t.text().matches(" [a-z]+")) {
                assertThat(others).allSatisfy(o -> assertThat(o).matches(" [a-z]+"));
            }
        }
    }
}
