package io.friendlikit.mock.metrics;

import java.util.List;

/**
 * Told what happens to each chat exchange: once the engine has its answer, and while the HTTP layer delivers it.
 * The hooks are called on the hot path (IO and worker threads, many at once), so an implementation must be
 * thread-safe and cheap; {@link MockMetrics} counts them. Every hook does nothing by default.
 */
public interface ExchangeObserver {

    /** Observes nothing. */
    ExchangeObserver NONE = new ExchangeObserver() {
    };

    /** The engine has decided the answer to a chat request (called once per request, before delivery). */
    default void answered(Answered exchange) {
    }

    /**
     * The first byte of a 200 answer goes to the network: the whole plain body, or a stream's first frame.
     *
     * @param nanosSinceReceived time since the request arrived, first-token delay included
     */
    default void firstByte(boolean stream, long nanosSinceReceived) {
    }

    /**
     * A stream is over: written whole, cut by a fault, or the client gone.
     *
     * @param nanosOpen time from its first frame to its end
     */
    default void streamEnded(long nanosOpen) {
    }

    /** A stream was refused because open streams already hold the mock's memory budget (429 {@code mock_busy}). */
    default void streamRefused() {
    }

    /**
     * What the engine answered to one chat request.
     *
     * @param route            the path it was sent to, e.g. {@code /serverless/v1/chat/completions}
     * @param status           the status answered
     * @param model            the {@code model} of the body as sent, or null when there was none (or no body)
     * @param stream           whether the request asked for a stream
     * @param violatedRules    the rule id of each violation (a 422), in order; empty otherwise
     * @param faults           the types of the faults applied to it
     * @param promptTokens     the prompt's tokens (0 unless answered 200)
     * @param completionTokens the tokens generated (0 unless answered 200)
     */
    record Answered(String route, int status, String model, boolean stream, List<String> violatedRules,
                    List<String> faults, int promptTokens, int completionTokens) {
    }
}
