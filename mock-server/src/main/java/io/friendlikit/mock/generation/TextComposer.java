package io.friendlikit.mock.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Composes English-looking sentences from {@link Vocabulary} as a list of tokens that the {@link Tokenizer}
 * would produce from their concatenation: words carry their leading space, punctuation is a token of its own.
 */
final class TextComposer {

    /** Natural answer length range, in tokens (whole sentences are added until at least this many). */
    static final int MIN_NATURAL_TOKENS = 8;
    static final int MAX_NATURAL_TOKENS = 60;

    private TextComposer() {
    }

    /** A natural answer: whole sentences until at least max(random 8..60, minTokens) tokens. */
    static List<String> answer(SplittableRandom rng, int minTokens) {
        int target = Math.max(rng.nextInt(MIN_NATURAL_TOKENS, MAX_NATURAL_TOKENS + 1), minTokens);
        return sentences(rng, target, false);
    }

    /** Whole sentences until at least {@code target} tokens; reasoning style starts sentences with openers. */
    static List<String> sentences(SplittableRandom rng, int target, boolean reasoning) {
        List<String> tokens = new ArrayList<>(target + 20);
        while (tokens.size() < target) {
            sentence(rng, tokens, reasoning);
        }
        return tokens;
    }

    private static void sentence(SplittableRandom rng, List<String> out, boolean reasoning) {
        boolean first = true;
        if (reasoning && rng.nextInt(3) > 0) {
            out.add(word(pick(rng, Vocabulary.REASONING_OPENERS), out.isEmpty(), true));
            out.add(",");
            first = false;
        } else if (rng.nextInt(5) == 0) {
            out.add(word(pick(rng, Vocabulary.ADVERBS), out.isEmpty(), true));
            out.add(",");
            first = false;
        }
        clause(rng, out, first);
        if (rng.nextInt(3) == 0) {
            out.add(",");
            out.add(word(pick(rng, Vocabulary.CONJUNCTIONS), false, false));
            clause(rng, out, false);
        }
        out.add(rng.nextInt(12) == 0 ? "!" : ".");
    }

    private static void clause(SplittableRandom rng, List<String> out, boolean capitalize) {
        if (rng.nextInt(4) == 0) {
            out.add(word(pick(rng, Vocabulary.PRONOUNS), out.isEmpty(), capitalize));
        } else {
            nounPhrase(rng, out, capitalize);
        }
        if (rng.nextInt(4) == 0) {
            out.add(word(pick(rng, Vocabulary.ADVERBS), false, false));
        }
        out.add(word(pick(rng, Vocabulary.VERBS), false, false));
        nounPhrase(rng, out, false);
        if (rng.nextInt(2) == 0) {
            out.add(word(pick(rng, Vocabulary.PREPOSITIONS), false, false));
            nounPhrase(rng, out, false);
        }
    }

    private static void nounPhrase(SplittableRandom rng, List<String> out, boolean capitalize) {
        out.add(word(pick(rng, Vocabulary.DETERMINERS), out.isEmpty(), capitalize));
        if (rng.nextInt(2) == 0) {
            out.add(word(pick(rng, Vocabulary.ADJECTIVES), false, false));
        }
        out.add(word(pick(rng, Vocabulary.NOUNS), false, false));
    }

    /**
     * The four spellings of every vocabulary word ({@link #spell} order), made once: a word token is then a look-up,
     * not a new string per token.
     */
    private static final Map<String, String[]> SPELLINGS = spellings(List.of(Vocabulary.DETERMINERS,
            Vocabulary.PRONOUNS, Vocabulary.NOUNS, Vocabulary.VERBS, Vocabulary.ADJECTIVES, Vocabulary.ADVERBS,
            Vocabulary.PREPOSITIONS, Vocabulary.CONJUNCTIONS, Vocabulary.REASONING_OPENERS));

    /** A word token: leading space unless it starts the text, capitalized on request. */
    static String word(String w, boolean atStart, boolean capitalize) {
        String[] known = SPELLINGS.get(w);
        int form = (atStart ? 0 : 1) + (capitalize ? 2 : 0);
        return known != null ? known[form] : spell(w, form);
    }

    /** Form 0: as is; 1: with a leading space; 2: capitalized; 3: both. */
    private static String spell(String w, int form) {
        String text = (form & 2) != 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
        return (form & 1) != 0 ? " " + text : text;
    }

    private static Map<String, String[]> spellings(List<List<String>> lists) {
        Map<String, String[]> out = new HashMap<>();
        for (List<String> list : lists) {
            for (String w : list) {
                out.computeIfAbsent(w, k -> new String[] {spell(k, 0), spell(k, 1), spell(k, 2), spell(k, 3)});
            }
        }
        return Map.copyOf(out);
    }

    static String pick(SplittableRandom rng, List<String> list) {
        return list.get(rng.nextInt(list.size()));
    }
}
