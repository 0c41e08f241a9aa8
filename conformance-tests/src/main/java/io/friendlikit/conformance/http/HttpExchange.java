package io.friendlikit.conformance.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request and the response it got. {@code body} is the full response body decoded as UTF-8. */
public record HttpExchange(ApiRequest request, int status, Map<String, List<String>> headers, String body, Duration elapsed) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** Media type of the response without parameters, lower case; "" when absent. */
    public String mediaType() {
        return header("Content-Type")
                .map(v -> v.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT))
                .orElse("");
    }

    /** Short description used in assertion messages. */
    public String describe() {
        String flat = body.replaceAll("\\s*\\R\\s*", " ");
        String shown = flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
        return "HTTP " + status + " " + mediaType() + " body: " + shown;
    }
}
