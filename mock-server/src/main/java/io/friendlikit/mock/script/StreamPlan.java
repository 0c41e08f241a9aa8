package io.friendlikit.mock.script;

import java.util.List;

/**
 * What a stream will write, before it is written: the JSON payload of every frame and how the stream ends.
 * Faults rewrite a plan; the SSE writer executes it.
 *
 * @param payloads         JSON text of each {@code data:} frame, in order
 * @param done             whether {@code data: [DONE]} follows the payloads
 * @param afterDone        payloads written after {@code [DONE]} (a fault: nothing may follow it)
 * @param disconnectAfter  close the connection abruptly after this many payloads, or null
 * @param errorAfter       after this many payloads write an {@code error} event and end, or null
 * @param errorMessage     message of that error event
 */
public record StreamPlan(List<String> payloads, boolean done, List<String> afterDone, Integer disconnectAfter,
                         Integer errorAfter, String errorMessage) {

    public StreamPlan {
        payloads = List.copyOf(payloads);
        afterDone = List.copyOf(afterDone);
    }

    public static StreamPlan of(List<String> payloads) {
        return new StreamPlan(payloads, true, List.of(), null, null, null);
    }

    public StreamPlan withPayloads(List<String> newPayloads) {
        return new StreamPlan(newPayloads, done, afterDone, disconnectAfter, errorAfter, errorMessage);
    }

    public StreamPlan withoutDone() {
        return new StreamPlan(payloads, false, afterDone, disconnectAfter, errorAfter, errorMessage);
    }

    public StreamPlan withAfterDone(List<String> extra) {
        return new StreamPlan(payloads, done, extra, disconnectAfter, errorAfter, errorMessage);
    }

    public StreamPlan withDisconnectAfter(int count) {
        return new StreamPlan(payloads, done, afterDone, count, errorAfter, errorMessage);
    }

    public StreamPlan withErrorAfter(int count, String message) {
        return new StreamPlan(payloads, done, afterDone, disconnectAfter, count, message);
    }
}
