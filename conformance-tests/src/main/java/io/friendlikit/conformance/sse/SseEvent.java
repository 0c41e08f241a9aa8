package io.friendlikit.conformance.sse;

import java.time.Duration;

/**
 * One dispatched server-sent event.
 *
 * @param type        value of the last {@code event:} field, "message" when none was given
 * @param data        {@code data:} lines joined with "\n"
 * @param lastEventId last event id seen so far ("" when none)
 * @param fields      names of the fields that made up this event, in order (lets a test check framing)
 * @param arrival     time from sending the request until the blank line that dispatched the event
 */
public record SseEvent(String type, String data, String lastEventId, java.util.List<String> fields, Duration arrival) {

    public boolean isDone() {
        return "[DONE]".equals(data);
    }
}
