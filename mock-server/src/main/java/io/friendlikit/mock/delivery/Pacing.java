package io.friendlikit.mock.delivery;

import java.util.SplittableRandom;

/**
 * Delays of an answer: before the first chunk (or the whole body of a plain answer or an error) and between
 * chunks, with an optional seeded jitter of the delay between chunks. The HTTP responder applies them to every
 * kind of outcome; a stream's frames are due at fixed offsets from the stream's own start ({@link #dueMs}), so a
 * late write never pushes the later ones back.
 *
 * @param jitterMs standard deviation of a normal jitter added to each delay between chunks (0: none)
 * @param seed     seeds the jitter: the same seed gives the same delays
 */
public record Pacing(long firstTokenMs, long interTokenMs, double jitterMs, long seed) {

    public static final Pacing NONE = new Pacing(0, 0);

    public Pacing {
        if (firstTokenMs < 0 || interTokenMs < 0 || !(jitterMs >= 0) || Double.isInfinite(jitterMs)) {
            throw new IllegalArgumentException("pacing needs delays >= 0, got first " + firstTokenMs + " ms, inter "
                    + interTokenMs + " ms, jitter " + jitterMs + " ms");
        }
    }

    /** Fixed delays, no jitter. */
    public Pacing(long firstTokenMs, long interTokenMs) {
        this(firstTokenMs, interTokenMs, 0, 0);
    }

    /** Only a delay before the answer (an error that is due after a while). */
    public static Pacing after(long delayMs) {
        return new Pacing(delayMs, 0);
    }

    public boolean paced() {
        return firstTokenMs > 0 || interTokenMs > 0 || jitterMs > 0;
    }

    /**
     * When each of {@code frames} paced frames is due, in milliseconds after the stream's start: frame 0 after the
     * first-token delay, each later one a (jittered, never negative) inter-token delay after the one before.
     */
    public Schedule schedule(int frames) {
        if (jitterMs == 0) {
            return i -> firstTokenMs + interTokenMs * i;
        }
        long[] due = new long[Math.max(frames, 1)];
        SplittableRandom random = new SplittableRandom(seed);
        long at = firstTokenMs;
        due[0] = at;
        for (int i = 1; i < due.length; i++) {
            at += Math.max(0, Math.round(interTokenMs + jitterMs * gaussian(random)));
            due[i] = at;
        }
        return i -> i < due.length ? due[i] : due[due.length - 1] + interTokenMs * (i - due.length + 1);
    }

    /** A standard normal value (Box-Muller), drawn from the seeded source only. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The due times of a stream's paced frames. */
    @FunctionalInterface
    public interface Schedule {
        /** Milliseconds after the stream's start at which paced frame {@code index} (0-based) is due. */
        long dueMs(int index);
    }
}
