package io.friendlikit.mock.delivery;

/**
 * Delays of an answer: before the first chunk (or the whole body of a plain answer or an error) and between
 * chunks. The HTTP responder applies them to every kind of outcome.
 */
public record Pacing(long firstTokenMs, long interTokenMs) {

    public static final Pacing NONE = new Pacing(0, 0);

    /** Only a delay before the answer (an error that is due after a while). */
    public static Pacing after(long delayMs) {
        return new Pacing(delayMs, 0);
    }

    public boolean paced() {
        return firstTokenMs > 0 || interTokenMs > 0;
    }
}
