package io.friendlikit.conformance.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request exactly as the kit will send it. {@code body} may be null (no body). */
public record ApiRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    public ApiRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * What a failure line shows of the request: method, path, and the body with what sets it apart first — a JSON
     * object's members other than model and messages, then the number of messages — cut at 160 characters.
     */
    public String summary() {
        String text = bodyText();
        String shown = text;
        java.util.Optional<com.fasterxml.jackson.databind.JsonNode> json = text.length() > 1_000_000
                ? java.util.Optional.empty() : io.friendlikit.conformance.json.Json.tryParse(text);
        if (json.isPresent() && json.get() instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                && object.has("messages")) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = object.deepCopy();
            com.fasterxml.jackson.databind.JsonNode messages = copy.remove("messages");
            copy.remove("model");
            String members = io.friendlikit.conformance.json.Json.write(copy);
            shown = members.substring(0, members.length() - 1) + (copy.isEmpty() ? "" : ",") + "\"messages\":"
                    + (messages.isArray() ? "[" + messages.size() + " message(s)]" : messages.getNodeType().toString().toLowerCase()) + "}";
        }
        if (shown.length() > 160) {
            shown = shown.substring(0, 160) + "…(" + body.length + " bytes)";
        }
        return method + " " + uri.getRawPath() + (shown.isEmpty() ? "" : " " + shown);
    }

    @Override
    public String toString() {
        String text = bodyText();
        return method + " " + uri + (text.isEmpty() ? "" : " " + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
    }
}
