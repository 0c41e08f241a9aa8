package io.friendlikit.mock.recording;

/**
 * Reads a server-sent event stream line by line into its events, the one reading rule of the mock for streams it
 * receives (record mode relays and records them; drift compares them): {@code data} lines are joined by newlines,
 * {@code event} and {@code id} are kept, comments and {@code retry} are passed over, a blank line ends an event
 * (one without data is no event). A single space after the colon is not part of the value.
 */
public final class SseEventReader {

    /** The data of the event that ends a chat completions stream. */
    public static final String DONE = "[DONE]";

    /** One event: its data, and its {@code event} and {@code id} fields or null. */
    public record Event(String data, String event, String id) {
        public boolean done() {
            return DONE.equals(data);
        }
    }

    private StringBuilder data;
    private String event;
    private String id;

    /**
     * Reads one line, without its line end (a trailing carriage return is dropped).
     *
     * @return the event the line ends (a blank line after data), else null
     */
    public Event line(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.isEmpty()) {
            Event ended = data == null ? null : new Event(data.toString(), event, id);
            data = null;
            event = null;
            id = null;
            return ended;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "event" -> event = value;
            case "id" -> id = value;
            default -> {
                // a comment (empty field name) or retry: not part of an event's content
            }
        }
        return null;
    }
}
