package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.wire.ChatRequest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One top-level member of a chat completions request: one row of {@link RequestFields#ALL}. The validator checks
 * presence, null, kind, range and enum from the row; the binder calls its {@link #binding()}.
 *
 * @param name     the JSON name
 * @param kinds    accepted JSON types, tried in order
 * @param expected the phrase after "must be" when no kind matches ("an integer or an array of integers")
 * @param presence required or optional, nullable or not
 * @param range    the interval a numeric value must lie in, or null
 * @param allowed  the values a string must be one of, or empty
 * @param note     what else holds for the value, in a few words for the table (nested members, items), or ""
 * @param defaultValue what an absent or null member means, as the table shows it
 * @param binding  puts the member (or its default) on the request being built
 */
public record RequestField(String name, List<JsonKind> kinds, String expected, Presence presence, Range range,
                           List<String> allowed, String note, String defaultValue, Binding binding) {

    public RequestField {
        kinds = List.copyOf(kinds);
        allowed = List.copyOf(allowed);
    }

    /** Moves one member of the body onto the request being built. */
    @FunctionalInterface
    public interface Binding {
        /**
         * @param value  the member; null when it is absent or JSON {@code null} (then the default applies)
         * @param into   the request being built
         * @param mapper to convert free-form members to plain Java values
         */
        void bind(JsonNode value, ChatRequest.Builder into, ObjectMapper mapper);
    }

    /** "integer, array" */
    public String kindsText() {
        return kinds.stream().map(JsonKind::label).collect(Collectors.joining(", "));
    }

    /** The range or the enum, then the note, as the table shows them; "—" when the value is free. */
    public String constraintText() {
        List<String> parts = new java.util.ArrayList<>();
        if (range != null) {
            parts.add(range.text());
        }
        if (!allowed.isEmpty()) {
            parts.add("one of " + String.join(", ", allowed));
        }
        if (!note.isEmpty()) {
            parts.add(note);
        }
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }
}
