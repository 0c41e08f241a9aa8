package io.friendlikit.conformance.http;

import io.friendlikit.conformance.sse.SseEvent;

import java.util.List;
import java.util.Optional;

/**
 * Everything observed on one streamed request.
 *
 * @param exchange        status, headers and the raw body text as received
 * @param events          dispatched events in arrival order
 * @param comments        comment lines (without the leading ':')
 * @param unterminated    1 when the body ended inside an event (no blank line after it)
 * @param failure         how reading ended abnormally (connection reset, timeout), if it did
 */
public record StreamCapture(HttpExchange exchange, List<SseEvent> events, List<String> comments,
                            int unterminated, Optional<String> failure) {

    public Optional<Integer> doneIndex() {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isDone()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Events before the first [DONE] (all events when there is none). */
    public List<SseEvent> chunkEvents() {
        return events.subList(0, doneIndex().orElse(events.size()));
    }
}
