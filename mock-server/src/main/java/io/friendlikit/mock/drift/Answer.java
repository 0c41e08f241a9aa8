package io.friendlikit.mock.drift;

import io.friendlikit.mock.recording.Recording;
import io.friendlikit.mock.recording.SseEventReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer reduced to what drift compares, from a recording or from the target: the status, the content type, and
 * a plain body's text or a stream's event data.
 *
 * @param events the data of each event of a stream, without {@code [DONE]}; null for a plain answer
 * @param done   whether the stream's last event was {@code [DONE]}
 */
record Answer(int status, String contentType, String body, List<String> events, boolean done) {

    static final String DONE = SseEventReader.DONE;

    static Answer of(Recording.Response r) {
        String type = r.contentType();
        if (r.streamed()) {
            return new Answer(r.status(), type == null ? "text/event-stream" : type, null,
                    r.events().stream().map(Recording.Event::data).toList(), r.done());
        }
        byte[] bytes = r.bodyBytes();
        return new Answer(r.status(), type, bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8),
                null, false);
    }

    /** An answer as received: a body of content type text/event-stream is split into its events. */
    static Answer received(int status, String contentType, String text) {
        if (!"event-stream".equals(typeClass(contentType))) {
            return new Answer(status, contentType, text == null || text.isEmpty() ? null : text, null, false);
        }
        List<String> events = new ArrayList<>();
        SseEventReader reader = new SseEventReader();
        // the last line may lack its line end; an extra empty line ends the last event either way
        for (String line : (text + "\n\n").split("\r\n|\r|\n", -1)) {
            SseEventReader.Event event = reader.line(line);
            if (event != null) {
                events.add(event.data());
            }
        }
        boolean done = !events.isEmpty() && events.get(events.size() - 1).equals(DONE);
        if (done) {
            events.remove(events.size() - 1);
        }
        return new Answer(status, contentType, null, events, done);
    }

    boolean streamed() {
        return events != null;
    }

    /** {@code json}, {@code event-stream}, {@code other} or {@code none}: what a client decides its parsing on. */
    static String typeClass(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "none";
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("text/event-stream")) {
            return "event-stream";
        }
        String media = t.split(";", 2)[0].trim();
        return media.equals("application/json") || media.endsWith("+json") ? "json" : "other";
    }

    String typeClass() {
        return typeClass(contentType);
    }
}
