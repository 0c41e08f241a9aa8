package io.friendlikit.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.wire.ChatRequest;

import java.util.Map;

/**
 * What a scenario's matchers may look at in a validated chat request: the route, the path, the headers (names in
 * lower case), the body as JSON and as the bound request. Built once per exchange by the generate stage.
 *
 * @param route   {@code serverless}, {@code dedicated} or {@code container}
 */
public record RequestView(String route, String path, Map<String, String> headers, JsonNode body,
                          ChatRequest request) {

    public RequestView {
        headers = Map.copyOf(headers);
    }
}
