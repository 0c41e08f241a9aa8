package io.friendlikit.mock.generation;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;

import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Draws strings that match a regular expression, using rgxgen with a {@link Random} seeded from the caller's
 * PRNG, and checks every draw with {@link java.util.regex}: up to {@value #ATTEMPTS} draws; if none passes (rgxgen
 * does not understand every construct) the sampler gives up and returns empty.
 */
final class RegexSampler {

    static final int ATTEMPTS = 12;
    /** Upper bound rgxgen uses for {@code *} and {@code +}, keeping output short. */
    static final int MAX_REPETITION = 6;

    private RegexSampler() {
    }

    /** A string that fully matches (or, with {@code fullMatch} false, contains a match of) {@code regex}. */
    static Optional<String> sample(String regex, boolean fullMatch, SplittableRandom rng) {
        return sample(regex, fullMatch, rng, 0, Integer.MAX_VALUE);
    }

    /** As {@link #sample(String, boolean, SplittableRandom)}, with a length (in code points) within bounds. */
    static Optional<String> sample(String regex, boolean fullMatch, SplittableRandom rng, int minLength,
                                   int maxLength) {
        Pattern pattern;
        RgxGen generator;
        try {
            pattern = Pattern.compile(regex);
            RgxGenProperties properties = new RgxGenProperties();
            RgxGenOption.INFINITE_PATTERN_REPETITION.setInProperties(properties, MAX_REPETITION);
            generator = RgxGen.parse(properties, regex);
        } catch (RuntimeException e) { // PatternSyntaxException, or a construct rgxgen cannot parse
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate;
            try {
                candidate = generator.generate(new Random(rng.nextLong()));
            } catch (RuntimeException e) {
                continue;
            }
            var matcher = pattern.matcher(candidate);
            boolean ok = fullMatch ? matcher.matches() : matcher.find();
            int length = candidate.codePointCount(0, candidate.length());
            if (ok && length >= minLength && length <= maxLength) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
