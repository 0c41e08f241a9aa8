package io.friendlikit.mock.script;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The draws of a fault's probability: the documented formula, deterministic, and fair. */
class ChanceTest {

    @Test
    void mixIsTheSplitMix64Step() {
        // the first outputs of SplitMix64 started at 0 (its published reference values)
        assertThat(Chance.mix(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Chance.mix(0x9E3779B97F4A7C15L)).isEqualTo(0x6E789E6AA1B965F4L);
    }

    @Test
    void aDrawIsTheDocumentedFunctionOfServerSeedFaultSeedAndIndex() {
        long h = Chance.mix(Chance.mix(Chance.mix(42) ^ 7) ^ 3);
        assertThat(Chance.draw(42, 7, 3)).isEqualTo((h >>> 11) * 0x1.0p-53);
        assertThat(Chance.draw(42, 7, 3)).isEqualTo(Chance.draw(42, 7, 3));
        assertThat(Chance.draw(42, 7, 3)).isNotEqualTo(Chance.draw(43, 7, 3)).isNotEqualTo(Chance.draw(42, 8, 3))
                .isNotEqualTo(Chance.draw(42, 7, 4));
    }

    @Test
    void probabilityOneAlwaysFiresAndZeroNever() {
        for (long n = 0; n < 1_000; n++) {
            assertThat(Chance.fires(1, 2, n, 1.0)).isTrue();
            assertThat(Chance.fires(1, 2, n, 0.0)).isFalse();
        }
    }

    @Test
    void drawsFireAtAboutTheirProbability() {
        int fired = 0;
        int draws = 20_000;
        for (long n = 0; n < draws; n++) {
            double u = Chance.draw(5, 9, n);
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            if (Chance.fires(5, 9, n, 0.3)) {
                fired++;
            }
        }
        assertThat(fired / (double) draws).isBetween(0.28, 0.32);
    }

    @Test
    void anotherServerSeedGivesAnotherPattern() {
        assertThat(pattern(1, 1)).isEqualTo(pattern(1, 1)).isNotEqualTo(pattern(2, 1)).isNotEqualTo(pattern(1, 2));
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefusedNamingTheMember() {
        assertThat(Chance.probability(null)).isEqualTo(1.0);
        assertThat(Chance.probability(0.25)).isEqualTo(0.25);
        assertThatThrownBy(() -> Chance.probability(1.5)).isInstanceOfSatisfying(InvalidMember.class, e -> {
            assertThat(e.member()).isEqualTo("probability");
            assertThat(e.getMessage()).isEqualTo("probability: must be a number in [0, 1], got 1.5");
        });
        assertThatThrownBy(() -> Chance.probability(-0.1)).isInstanceOf(InvalidMember.class);
        assertThatThrownBy(() -> Chance.probability(Double.NaN)).isInstanceOf(InvalidMember.class);
    }

    private static List<Boolean> pattern(long serverSeed, long seed) {
        List<Boolean> out = new ArrayList<>();
        for (long n = 0; n < 64; n++) {
            out.add(Chance.fires(serverSeed, seed, n, 0.5));
        }
        return out;
    }
}
