package io.friendlikit.mock.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.wire.ChatRequest;

/**
 * Binds a request body that passed validation to a {@link ChatRequest}: each row of {@link RequestFields#ALL}
 * puts its member, or its default when the member is absent or null, on the request. A component no row sets
 * fails the first bind (the builder names it).
 */
public final class RequestBinder {

    private final ObjectMapper mapper;

    public RequestBinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ChatRequest bind(JsonNode body) {
        ChatRequest.Builder request = ChatRequest.builder();
        for (RequestField field : RequestFields.ALL) {
            field.binding().bind(Bindings.present(body, field.name()), request, mapper);
        }
        return request.build();
    }
}
