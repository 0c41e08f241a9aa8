package io.friendlikit.mock.delivery;

/**
 * How long an answer takes, the way a serving engine's latency behaves: time to first token = base + a cost per
 * prompt token; the delay between tokens has a seeded normal jitter; and an optional load factor slows both as
 * concurrent streams grow: with {@code open} streams the delays are multiplied by
 * {@code 1 + (loadFactor - 1) × min(open, fullLoadStreams) / fullLoadStreams}, so they reach {@code loadFactor}
 * times their unloaded value at {@code fullLoadStreams} streams. Everything zero (and factor 1) is
 * {@link #OFF}: no delays. A value carried by the server's settings, or by a scenario's answer for that exchange
 * (which keeps the server's load, see {@link #underLoadOf}).
 *
 * @param firstTokenMs      base time to first token
 * @param promptTokenMs     added to the time to first token per prompt token
 * @param interTokenMs      mean delay between streamed tokens
 * @param jitterMs          standard deviation of the delay between tokens (normal, seeded per request)
 * @param loadFactor        delay multiplier at full load, at least 1 (1: load has no effect)
 * @param fullLoadStreams   concurrent streams at which the full factor applies, at least 1
 */
public record TimingModel(long firstTokenMs, double promptTokenMs, long interTokenMs, double jitterMs,
                          double loadFactor, int fullLoadStreams) {

    public static final TimingModel OFF = new TimingModel(0, 0, 0, 0, 1, 1);

    public TimingModel {
        if (firstTokenMs < 0 || interTokenMs < 0 || !(promptTokenMs >= 0) || !(jitterMs >= 0)
                || !(loadFactor >= 1) || Double.isInfinite(promptTokenMs) || Double.isInfinite(jitterMs)
                || Double.isInfinite(loadFactor) || fullLoadStreams < 1) {
            throw new IllegalArgumentException("a timing model needs delays >= 0, a load factor >= 1 and full load"
                    + " at >= 1 stream, got " + this);
        }
    }

    /** Fixed delays: only a time to first token and a delay between tokens. */
    public static TimingModel fixed(long firstTokenMs, long interTokenMs) {
        return new TimingModel(firstTokenMs, 0, interTokenMs, 0, 1, 1);
    }

    /**
     * These delays with the load factor of {@code server}: load is a property of the server, not of one answer, so
     * a scenario's timing slows down with open streams as the server's own model does.
     */
    public TimingModel underLoadOf(TimingModel server) {
        return new TimingModel(firstTokenMs, promptTokenMs, interTokenMs, jitterMs, server.loadFactor,
                server.fullLoadStreams);
    }

    /**
     * The pacing of one answer.
     *
     * @param promptTokens  the request's prompt tokens
     * @param openStreams   streams open when the answer is paced
     * @param seed          seeds the jitter of this answer
     */
    public Pacing pacing(int promptTokens, int openStreams, long seed) {
        double load = 1 + (loadFactor - 1) * Math.min(Math.max(openStreams, 0), fullLoadStreams)
                / (double) fullLoadStreams;
        long first = Math.round((firstTokenMs + promptTokenMs * Math.max(promptTokens, 0)) * load);
        long inter = Math.round(interTokenMs * load);
        return new Pacing(first, inter, jitterMs * load, seed);
    }
}
