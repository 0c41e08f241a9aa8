package io.friendlikit.mock.delivery;

import java.util.List;

/**
 * What a stream will write, fully rendered before it is written: the JSON payload of every frame and how the
 * stream ends. Faults rewrite a plan; the SSE writer executes it and adds only the framing.
 *
 * @param payloads         JSON text of each {@code data:} frame, in order
 * @param done             whether {@code data: [DONE]} follows the payloads
 * @param afterDone        payloads written after {@code [DONE]} (a fault: nothing may follow it)
 * @param disconnectAfter  close the connection abruptly after this many payloads, or null
 * @param errorAfter       after this many payloads write {@code errorEvent} and end, or null
 * @param errorEvent       JSON payload of that error event (rendered by the engine), or null
 */
public record StreamPlan(List<String> payloads, boolean done, List<String> afterDone, Integer disconnectAfter,
                         Integer errorAfter, String errorEvent) {

    public StreamPlan {
        payloads = List.copyOf(payloads);
        afterDone = List.copyOf(afterDone);
        if (errorAfter != null && errorEvent == null) {
            throw new IllegalArgumentException("an error event after " + errorAfter + " payloads needs its payload");
        }
    }

    public static StreamPlan of(List<String> payloads) {
        return new StreamPlan(payloads, true, List.of(), null, null, null);
    }

    public StreamPlan withPayloads(List<String> newPayloads) {
        return new StreamPlan(newPayloads, done, afterDone, disconnectAfter, errorAfter, errorEvent);
    }

    public StreamPlan withoutDone() {
        return new StreamPlan(payloads, false, afterDone, disconnectAfter, errorAfter, errorEvent);
    }

    public StreamPlan withAfterDone(List<String> extra) {
        return new StreamPlan(payloads, done, extra, disconnectAfter, errorAfter, errorEvent);
    }

    public StreamPlan withDisconnectAfter(int count) {
        return new StreamPlan(payloads, done, afterDone, count, errorAfter, errorEvent);
    }

    public StreamPlan withErrorAfter(int count, String event) {
        return new StreamPlan(payloads, done, afterDone, disconnectAfter, count, event);
    }

    /** Memory the plan's text takes until written (UTF-16 in memory). */
    public long heldBytes() {
        long chars = errorEvent == null ? 0 : errorEvent.length();
        for (String p : payloads) {
            chars += p.length();
        }
        for (String p : afterDone) {
            chars += p.length();
        }
        return 2 * chars;
    }
}
