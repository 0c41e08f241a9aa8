package io.friendlikit.mock.script;

/**
 * Whether a fault fires, drawn without shared random state so that a run repeats exactly. Each active fault has a
 * {@code probability} and a {@code seed}; the n-th time (n = 0, 1, 2 ...) an exchange reaches the fault's phase
 * while it is active, the fault fires iff {@code u(serverSeed, seed, n) < probability}, where
 *
 * <pre>
 *   u = (mix(mix(mix(serverSeed) ^ seed) ^ n) &gt;&gt;&gt; 11) * 2^-53      (a number in [0, 1))
 *   mix(x) = the SplitMix64 step: z = x + 0x9E3779B97F4A7C15;
 *            z = (z ^ (z &gt;&gt;&gt; 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt;&gt; 27)) * 0x94D049BB133111EB;
 *            z ^ (z &gt;&gt;&gt; 31)
 * </pre>
 *
 * (64-bit two's-complement arithmetic). So probability 1 always fires, 0 never does, and the same server seed, fault
 * seeds and order of exchanges give the same firings.
 */
public final class Chance {

    /** Fires always: a fault given without {@code probability}. */
    public static final double ALWAYS = 1.0;

    private Chance() {
    }

    /** The probability member checked: in [0, 1]; null (left out) is {@link #ALWAYS}. */
    public static double probability(Double value) {
        if (value == null) {
            return ALWAYS;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidMember("probability", "must be a number in [0, 1], got " + value);
        }
        return value;
    }

    /** The draw {@code n} (0-based) of a fault with {@code seed} on a server with {@code serverSeed}, in [0, 1). */
    public static double draw(long serverSeed, long seed, long n) {
        long h = mix(mix(mix(serverSeed) ^ seed) ^ n);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Whether draw {@code n} fires at {@code probability}. */
    public static boolean fires(long serverSeed, long seed, long n, double probability) {
        return probability >= ALWAYS || (probability > 0 && draw(serverSeed, seed, n) < probability);
    }

    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
