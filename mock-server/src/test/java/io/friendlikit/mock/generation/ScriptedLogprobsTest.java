package io.friendlikit.mock.generation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripted logprobs: the emitted token's value as given, alternatives built around it with the usual invariants. */
class ScriptedLogprobsTest {

    private static final double[] VALUES = {0.0, -0.0, -Double.MIN_VALUE, -1e-320, -1e-300, -1e-20, -1e-15, -1e-12, -1e-9, -2e-9, -1e-6, -0.01,
            -0.3, -Math.log(2), -0.7, -1, -2.5, -5, -20, -50, -700, -745, -800, -1e6, -1e300, -Double.MAX_VALUE};

    private static final CannedReply TEXT = new CannedReply("The answer is forty-two, my friend.", null, List.of(),
            null, null, List.of(-0.25, -1.5, -3.0));

    private final Generator generator = new Generator(8);

    @ParameterizedTest(name = "top_logprobs {0}")
    @ValueSource(ints = {1, 2, 5, 20})
    void everyValueKeepsTheListSortedAndConsistent(int k) {
        for (boolean greedy : new boolean[] {false, true}) {
            for (double temperature : new double[] {0.3, 1.0, 2.0}) {
                LogprobAssigner assigner = new LogprobAssigner(k * 31L, greedy, temperature, k);
                for (double value : VALUES) {
                    Token t = assigner.scripted(" word", value);
                    String where = "value " + value + ", greedy " + greedy + ", temperature " + temperature;
                    assertThat(t.logprob()).as(where).isEqualTo(value + 0.0);
                    assertThat(Double.doubleToRawLongBits(t.logprob())).as("no -0.0: " + where)
                            .isNotEqualTo(Double.doubleToRawLongBits(-0.0));
                    assertThat(t.alternatives()).as(where).hasSize(k).isSortedAccordingTo(
                            Comparator.comparingDouble(Token.Alternative::logprob).reversed());
                    assertThat(t.alternatives()).as(where).extracting(Token.Alternative::text).doesNotHaveDuplicates()
                            .containsOnlyOnce(" word");
                    assertThat(t.alternatives()).as(where).filteredOn(a -> a.text().equals(" word"))
                            .extracting(Token.Alternative::logprob).containsExactly(value + 0.0);
                    assertThat(t.alternatives()).as(where).filteredOn(a -> !a.text().equals(" word"))
                            .allSatisfy(a -> assertThat(a.logprob()).isLessThan(0.0).isFinite());
                    double mass = t.alternatives().stream().mapToDouble(a -> Math.exp(a.logprob())).sum();
                    assertThat(mass).as("listed probability mass, " + where).isLessThanOrEqualTo(1.0);
                    if (greedy) {
                        assertThat(t.alternatives().get(0).text()).as(where).isEqualTo(" word");
                    }
                }
            }
        }
    }

    @Test
    void aLikelyTokenComesFirstAnUnlikelyOneBelowItsCompetitors() {
        LogprobAssigner assigner = new LogprobAssigner(5, false, 1.0, 3);
        assertThat(assigner.scripted(" cat", -0.1).alternatives().get(0).text()).isEqualTo(" cat");
        Token unlikely = assigner.scripted(" cat", -30);
        assertThat(unlikely.alternatives().get(2).text()).isEqualTo(" cat");
        assertThat(unlikely.alternatives().get(0).logprob()).isGreaterThan(-30);
    }

    @Test
    void withoutAlternativesOnlyTheValueIsSet() {
        Token t = new LogprobAssigner(1, false, 1.0, 0).scripted(" x", -2);
        assertThat(t.logprob()).isEqualTo(-2);
        assertThat(t.alternatives()).isEmpty();
    }

    @Test
    void contentTokensTakeTheValuesInOrderAndTheLastRepeats() {
        ChoiceOutput out = generator.replay(Requests.chat("hi").seed(3).logprobs(2).build(), Requests.PLAIN, TEXT)
                .choices().get(0);
        assertThat(out.content()).hasSizeGreaterThan(3);
        assertThat(out.content()).extracting(Token::logprob).startsWith(-0.25, -1.5, -3.0)
                .containsOnly(-0.25, -1.5, -3.0);
        assertThat(out.content().subList(3, out.content().size())).extracting(Token::logprob).containsOnly(-3.0);
        assertThat(out.content()).allSatisfy(t -> assertThat(t.alternatives()).hasSize(2)
                .extracting(Token.Alternative::text).contains(t.text()));
    }

    @Test
    void withLogprobsButNoTopLogprobsTheValuesStillApply() {
        ChoiceOutput out = generator.replay(Requests.chat("hi").logprobs(null).build(), Requests.PLAIN, TEXT)
                .choices().get(0);
        assertThat(out.content()).extracting(Token::logprob).startsWith(-0.25, -1.5, -3.0);
        assertThat(out.content()).allSatisfy(t -> assertThat(t.alternatives()).isEmpty());
    }

    @Test
    void ignoredWhenTheRequestDoesNotAskForLogprobs() {
        CannedReply plain = new CannedReply(TEXT.content(), List.of());
        ChoiceOutput scripted = generator.replay(Requests.chat("hi").seed(3).build(), Requests.PLAIN, TEXT)
                .choices().get(0);
        ChoiceOutput drawn = generator.replay(Requests.chat("hi").seed(3).build(), Requests.PLAIN, plain)
                .choices().get(0);
        assertThat(scripted.content()).isEqualTo(drawn.content());
    }

    @Test
    void reasoningAndToolCallTokensKeepDrawnValues() {
        List<CannedReply.Call> calls = List.of(new CannedReply.Call("clock", null));
        CannedReply withValues = new CannedReply("Now.", "Think about it.", calls, null, null, List.of(-9.0));
        CannedReply without = new CannedReply("Now.", "Think about it.", calls, null, null);
        var request = Requests.chat("hi").seed(4).logprobs(1).parseReasoning(true).build();
        ChoiceOutput a = generator.replay(request, Requests.REASONING, withValues).choices().get(0);
        ChoiceOutput b = generator.replay(request, Requests.REASONING, without).choices().get(0);
        assertThat(a.reasoning()).isNotEmpty().isEqualTo(b.reasoning());
        assertThat(a.toolCalls()).isNotEmpty();
        assertThat(a.toolCalls().get(0).argumentTokens()).isEqualTo(b.toolCalls().get(0).argumentTokens());
        assertThat(a.content()).extracting(Token::logprob).containsOnly(-9.0);
    }

    @Test
    void valuesAreCheckedWhereTheReplyIsBuilt() {
        for (List<Double> bad : List.of(List.<Double>of(), List.of(0.5), List.of(-1.0, Double.NaN),
                List.of(Double.NEGATIVE_INFINITY))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CannedReply("x", null, List.of(), null, null,
                    bad)).as(bad.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
