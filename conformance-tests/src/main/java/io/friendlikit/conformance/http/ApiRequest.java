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

    /** Method, URI and at most the first 120 characters of the body: what a failure line shows of the request. */
    public String summary() {
        String text = bodyText();
        String shown = text.length() > 120 ? text.substring(0, 120) + "…(" + body.length + " bytes)" : text;
        return method + " " + uri + (shown.isEmpty() ? "" : " " + shown);
    }

    @Override
    public String toString() {
        String text = bodyText();
        return method + " " + uri + (text.isEmpty() ? "" : " " + (text.length() > 400 ? text.substring(0, 400) + "…" : text));
    }
}
