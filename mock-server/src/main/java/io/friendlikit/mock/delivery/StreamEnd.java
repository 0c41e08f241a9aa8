package io.friendlikit.mock.delivery;

/**
 * How the delivery of one answer ended for the client, as the network layer saw it. Known only once the last
 * byte is written or the connection is gone; the journal shows it beside the exchange.
 *
 * @param how        completed, client gone, ended by a fault, or refused for lack of stream budget
 * @param chunks     chunks of the answer written before it ended (the plan's payloads, not {@code [DONE]})
 * @param bytes      bytes of the response body written before it ended
 * @param fault      for {@link How#FAULT}: what ended it ({@code disconnect}, {@code stream_error},
 *                   {@code drop_done}); else null
 * @param durationMs from the request's arrival to the end of the delivery
 */
public record StreamEnd(How how, long chunks, long bytes, String fault, long durationMs) {

    /** The kinds of ending. */
    public enum How {
        /** Every byte of the answer was written (a plain body, an error, or a stream to its planned end). */
        COMPLETED("completed"),
        /** The client hung up before the answer was written whole. */
        CLIENT_GONE("client_gone"),
        /** The stream ended as a fault planned it: the connection dropped, an error event, no {@code [DONE]}. */
        FAULT("fault"),
        /** The stream was refused (429 mock_busy): the open streams held the whole stream budget. */
        BUSY("busy");

        private final String label;

        How(String label) {
            this.label = label;
        }

        /** The name in the journal. */
        public String label() {
            return label;
        }
    }

    public static StreamEnd completed(long chunks, long bytes) {
        return new StreamEnd(How.COMPLETED, chunks, bytes, null, 0);
    }

    public static StreamEnd clientGone(long chunks, long bytes) {
        return new StreamEnd(How.CLIENT_GONE, chunks, bytes, null, 0);
    }

    public static StreamEnd busy() {
        return new StreamEnd(How.BUSY, 0, 0, null, 0);
    }

    /** A stream written to the end of its plan: completed, or ended by the fault that shaped the plan's end. */
    public static StreamEnd planned(StreamPlan plan, long chunks, long bytes) {
        int size = plan.payloads().size();
        String fault = plan.disconnectAfter() != null && plan.disconnectAfter() <= size ? "disconnect"
                : plan.errorAfter() != null && plan.errorAfter() <= size ? "stream_error"
                : !plan.done() ? "drop_done" : null;
        return new StreamEnd(fault == null ? How.COMPLETED : How.FAULT, chunks, bytes, fault, 0);
    }

    /** This ending, {@code durationMs} after the request arrived. */
    public StreamEnd took(long durationMs) {
        return new StreamEnd(how, chunks, bytes, fault, durationMs);
    }
}
