package io.friendlikit.mock.generation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns token texts into {@link Token}s with deterministic log-probabilities.
 *
 * <p>At each position a candidate distribution is drawn: the top candidate has probability p0 in [0.5, 0.99]
 * (closer to 0.99 when the temperature is low), the others share the rest geometrically, so probabilities
 * strictly decrease with rank and sum to less than 1. The emitted token sits at rank 0 when sampling is greedy;
 * otherwise usually at rank 0, sometimes at rank 1 or 2 (more often at higher temperature). Its logprob is
 * ln(p_rank) and does not depend on whether alternatives were asked for. With k alternatives requested, the list
 * holds the k best candidates if the emitted token is among them, else the k-1 best and then the emitted token;
 * the other candidates are words, punctuation, digits or whitespace shaped like the emitted token.
 *
 * <p>A scripted logprob (a scenario's) fixes the emitted token's value; the other candidates share most of the
 * probability the scripted value leaves, geometrically, so their probabilities strictly decrease and the listed
 * ones still sum to at most 1. The emitted token takes its place by value among them: below the candidates more
 * likely than it, except when sampling is greedy, where it stays first and every candidate is made less likely
 * than it. Either way the list is sorted by descending logprob and holds the emitted token.
 */
final class LogprobAssigner {

    /** Share of the probability a scripted token leaves that its competitors take (the rest: the vocabulary). */
    private static final double REST_SHARE = 0.98;
    /** Below this leftover probability a scripted token counts as certain, and its competitors get ... */
    private static final double NEARLY_CERTAIN = 1e-9;
    /** ... this logprob (and less, by rank): e^-60 is far below half an ulp of a probability near 1. */
    private static final double UNLIKELY = -60;
    private static final double LN2 = Math.log(2);

    private final SplittableRandom probabilities;
    private final SplittableRandom alternativeTexts;
    private final boolean greedy;
    private final double temperature;
    private final int alternatives;

    /**
     * @param seed         seed of this token sequence
     * @param alternatives how many alternatives each token carries (0 when logprobs were not requested)
     */
    LogprobAssigner(long seed, boolean greedy, double temperature, int alternatives) {
        this.probabilities = new SplittableRandom(Seeds.combine(seed, 1));
        this.alternativeTexts = new SplittableRandom(Seeds.combine(seed, 2));
        this.greedy = greedy;
        this.temperature = greedy ? 0.0 : temperature;
        this.alternatives = alternatives;
    }

    List<Token> assign(List<String> texts) {
        List<Token> tokens = new ArrayList<>(texts.size());
        for (String text : texts) {
            tokens.add(next(text));
        }
        return tokens;
    }

    /**
     * As {@link #assign(List)}, with the emitted tokens' logprobs given: the i-th token gets {@code scripted[i]},
     * tokens beyond the list the last value.
     */
    List<Token> assign(List<String> texts, List<Double> scripted) {
        List<Token> tokens = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            tokens.add(scripted(texts.get(i), scripted.get(Math.min(i, scripted.size() - 1))));
        }
        return tokens;
    }

    /** A token whose logprob is given (finite, at most 0), with alternatives consistent with it. */
    Token scripted(String text, double logprob) {
        double chosen = logprob + 0.0; // no -0.0 on the wire
        double decay = 0.3 + 0.4 * probabilities.nextDouble();
        if (alternatives == 0) {
            return new Token(text, chosen, List.of());
        }
        // 1 - p without the cancellation of 1 - exp(chosen) near 0
        double rest = -Math.expm1(chosen);
        // Nearly or exactly certain: shares of what is left could underflow to 0 (logprob -infinity), so the others
        // get a fixed tiny value, too small to change any bit of a sum with p (the listed mass stays at most 1).
        double first = rest > NEARLY_CERTAIN ? Math.log(REST_SHARE * rest * (1 - decay)) : UNLIKELY;
        double step = Math.log(decay);
        List<Token.Alternative> list = new ArrayList<>(alternatives);
        Set<String> used = new HashSet<>();
        used.add(text);
        boolean placed = false;
        int candidate = 0;
        while (list.size() < alternatives) {
            double value = first + step * candidate;
            if (greedy) {
                value = Math.min(value, chosen - LN2 * (candidate + 1));
            }
            if (!placed && (list.size() == alternatives - 1 || !(value > chosen))) {
                list.add(new Token.Alternative(text, chosen));
                placed = true;
            } else {
                list.add(new Token.Alternative(otherCandidate(text, used), value));
                candidate++;
            }
        }
        return new Token(text, chosen, list);
    }

    Token next(String text) {
        double u = probabilities.nextDouble();
        double v = probabilities.nextDouble();
        double decay = 0.3 + 0.4 * probabilities.nextDouble();
        double sharpness = 1.0 / Math.max(temperature, 0.05);
        double top = 0.99 - 0.49 * Math.pow(u, sharpness);
        int rank = 0;
        if (!greedy) {
            double notTop = Math.min(0.4, 0.12 * temperature);
            if (v >= 1 - notTop) {
                rank = v < 1 - notTop / 3 ? 1 : 2;
            }
        }
        double chosenLogprob = Math.log(probability(top, decay, rank));
        if (alternatives == 0) {
            return new Token(text, chosenLogprob, List.of());
        }
        List<Token.Alternative> list = new ArrayList<>(alternatives);
        Set<String> used = new HashSet<>();
        used.add(text);
        int others = rank < alternatives ? alternatives : alternatives - 1;
        for (int i = 0; i < others; i++) {
            double logprob = Math.log(probability(top, decay, i));
            if (i == rank) {
                list.add(new Token.Alternative(text, chosenLogprob));
            } else {
                list.add(new Token.Alternative(otherCandidate(text, used), logprob));
            }
        }
        if (others < alternatives) {
            list.add(new Token.Alternative(text, chosenLogprob));
        }
        return new Token(text, chosenLogprob, list);
    }

    private static double probability(double top, double decay, int rank) {
        if (rank == 0) {
            return top;
        }
        return (1 - top) * (1 - decay) * Math.pow(decay, rank - 1);
    }

    private String otherCandidate(String chosen, Set<String> used) {
        for (int attempt = 0; attempt < 64; attempt++) {
            String candidate = candidateLike(chosen);
            if (used.add(candidate)) {
                return candidate;
            }
        }
        String fallback;
        int i = used.size();
        do {
            fallback = " tok" + i++;
        } while (!used.add(fallback));
        return fallback;
    }

    private String candidateLike(String chosen) {
        SplittableRandom rng = alternativeTexts;
        boolean leadingSpace = chosen.startsWith(" ") && chosen.length() > 1;
        char c = chosen.charAt(leadingSpace ? 1 : 0);
        if (Character.isLetter(c)) {
            String w = rng.nextInt(3) == 0 ? TextComposer.pick(rng, Vocabulary.ADJECTIVES)
                    : rng.nextBoolean() ? TextComposer.pick(rng, Vocabulary.NOUNS)
                    : TextComposer.pick(rng, Vocabulary.VERBS);
            return TextComposer.word(w, !leadingSpace, Character.isUpperCase(c));
        }
        if (c >= '0' && c <= '9') {
            return (leadingSpace ? " " : "") + rng.nextInt(1000);
        }
        if (Character.isWhitespace(c)) {
            return TextComposer.pick(rng, Vocabulary.SPACES);
        }
        return rng.nextInt(4) == 0 ? TextComposer.pick(rng, Vocabulary.NOUNS)
                : TextComposer.pick(rng, Vocabulary.PUNCTUATION);
    }
}
