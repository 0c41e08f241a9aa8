package io.friendlikit.conformance.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Incremental parser for the WHATWG "event stream" format.
 *
 * <p>Bytes are fed as they arrive. Lines end in CRLF, LF or CR (a CR at the end of one feed followed by
 * LF at the start of the next is one line end). A line starting with ':' is a comment; otherwise the text
 * before the first ':' is the field name and the rest, minus one leading space, is the value; a line
 * without ':' is a field with an empty value. {@code data} values are joined with "\n"; a blank line
 * dispatches the event unless its data buffer is empty. An unterminated event at end of stream is
 * discarded, as the standard says. A leading UTF-8 byte order mark is ignored.
 */
public final class SseParser {

    private final Consumer<SseEvent> sink;
    private final Supplier<Duration> clock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> comments = new ArrayList<>();
    private boolean lastWasCr;
    private boolean firstLine = true;

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType = "";
    private String lastEventId = "";
    private List<String> fields = new ArrayList<>();
    private Long retryMillis;
    private int discardedAtEnd;

    public SseParser(Consumer<SseEvent> sink, Supplier<Duration> clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (lastWasCr) {
                    lastWasCr = false;
                    continue;
                }
                endLine();
            } else if (b == '\r') {
                lastWasCr = true;
                endLine();
            } else {
                lastWasCr = false;
                line.write(b);
            }
        }
    }

    /** End of stream: a pending, unterminated event is dropped. */
    public void finish() {
        if (line.size() > 0 || hasData || !fields.isEmpty()) {
            discardedAtEnd++;
        }
        line.reset();
        resetEvent();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public Long retryMillis() {
        return retryMillis;
    }

    /** 1 when the stream ended in the middle of an event (no blank line after it), else 0. */
    public int discardedAtEnd() {
        return discardedAtEnd;
    }

    private void endLine() {
        byte[] raw = line.toByteArray();
        line.reset();
        int start = 0;
        if (firstLine && raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        firstLine = false;
        String text = new String(raw, start, raw.length - start, StandardCharsets.UTF_8);
        processLine(text);
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            comments.add(text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        String field;
        String value;
        if (colon < 0) {
            field = text;
            value = "";
        } else {
            field = text.substring(0, colon);
            value = text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
        }
        fields.add(field);
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException ignored) {
                        // too large to be meaningful: ignored like any other malformed retry
                    }
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (!hasData) {
            resetEvent();
            return;
        }
        String payload = data.substring(0, data.length() - 1);
        String type = eventType.isEmpty() ? "message" : eventType;
        sink.accept(new SseEvent(type, payload, lastEventId, List.copyOf(fields), clock.get()));
        resetEvent();
    }

    private void resetEvent() {
        data.setLength(0);
        hasData = false;
        eventType = "";
        fields = new ArrayList<>();
    }
}
