package io.friendlikit.mock.delivery;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a stream will write: the JSON payload of every frame (usually {@link Frames}, rendered when each is due)
 * and how the stream ends, with the due time of each payload. Faults rewrite a plan; the SSE writer executes it
 * and adds only the framing.
 *
 * @param payloads         JSON text of each {@code data:} frame, in order; payload {@code i} is due at
 *                         {@code schedule.dueMs(i)} after the stream's start
 * @param done             whether {@code data: [DONE]} follows the payloads
 * @param afterDone        payloads written after {@code [DONE]} (a fault: nothing may follow it)
 * @param disconnectAfter  close the connection abruptly after this many payloads, or null
 * @param errorAfter       after this many payloads write {@code errorEvent} and end, or null
 * @param errorEvent       JSON payload of that error event (rendered by the engine), or null
 * @param schedule         when each payload is due; the error event, {@code [DONE]} and what follows it go out
 *                         right after the payload before them
 */
public record StreamPlan(List<String> payloads, boolean done, List<String> afterDone, Integer disconnectAfter,
                         Integer errorAfter, String errorEvent, Pacing.Schedule schedule) {

    /** Every payload due at once. */
    public static final Pacing.Schedule AT_ONCE = i -> 0;

    public StreamPlan {
        payloads = payloads instanceof Frames ? payloads : List.copyOf(payloads);
        afterDone = List.copyOf(afterDone);
        schedule = schedule == null ? AT_ONCE : schedule;
        if (errorAfter != null && errorEvent == null) {
            throw new IllegalArgumentException("an error event after " + errorAfter + " payloads needs its payload");
        }
    }

    public StreamPlan(List<String> payloads, boolean done, List<String> afterDone, Integer disconnectAfter,
                      Integer errorAfter, String errorEvent) {
        this(payloads, done, afterDone, disconnectAfter, errorAfter, errorEvent, AT_ONCE);
    }

    public static StreamPlan of(List<String> payloads) {
        return of(payloads, AT_ONCE);
    }

    public static StreamPlan of(List<String> payloads, Pacing.Schedule schedule) {
        return new StreamPlan(payloads, true, List.of(), null, null, null, schedule);
    }

    public StreamPlan withPayloads(List<String> newPayloads) {
        return new StreamPlan(newPayloads, done, afterDone, disconnectAfter, errorAfter, errorEvent, schedule);
    }

    /** This plan with payload {@code index} (0-based) rewritten by {@code change}, rendered lazily as the rest. */
    public StreamPlan withPayload(int index, UnaryOperator<String> change) {
        if (index < 0 || index >= payloads.size()) {
            return this;
        }
        if (payloads instanceof Frames frames) {
            return withPayloads(frames.map(index, change));
        }
        List<String> copy = new java.util.ArrayList<>(payloads);
        copy.set(index, change.apply(copy.get(index)));
        return withPayloads(copy);
    }

    public StreamPlan withoutDone() {
        return new StreamPlan(payloads, false, afterDone, disconnectAfter, errorAfter, errorEvent, schedule);
    }

    public StreamPlan withAfterDone(List<String> extra) {
        return new StreamPlan(payloads, done, extra, disconnectAfter, errorAfter, errorEvent, schedule);
    }

    public StreamPlan withDisconnectAfter(int count) {
        return new StreamPlan(payloads, done, afterDone, count, errorAfter, errorEvent, schedule);
    }

    public StreamPlan withErrorAfter(int count, String event) {
        return new StreamPlan(payloads, done, afterDone, disconnectAfter, count, event, schedule);
    }

    /**
     * Memory the plan holds until written: the state lazy payloads render from, or the text of rendered ones
     * (UTF-16 in memory), and the rendered extras.
     */
    public long heldBytes() {
        long bytes = 0;
        long chars = errorEvent == null ? 0 : errorEvent.length();
        if (payloads instanceof Frames frames) {
            bytes += frames.heldBytes();
        } else {
            for (String p : payloads) {
                chars += p.length();
            }
        }
        for (String p : afterDone) {
            chars += p.length();
        }
        return bytes + 2 * chars;
    }
}
