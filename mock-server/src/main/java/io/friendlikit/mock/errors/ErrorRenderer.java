package io.friendlikit.mock.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.config.ErrorEnvelope;
import io.friendlikit.mock.validation.Violation;

/** Renders an {@link ApiError} as the configured JSON envelope. The only place that shapes error bodies. */
public final class ErrorRenderer {

    private final ObjectMapper mapper;
    private final ErrorEnvelope envelope;

    public ErrorRenderer(ObjectMapper mapper, ErrorEnvelope envelope) {
        this.mapper = mapper;
        this.envelope = envelope;
    }

    public ObjectNode render(ApiError error) {
        ObjectNode root = mapper.createObjectNode();
        if (envelope != ErrorEnvelope.OPENAI) {
            root.put("message", error.message());
        }
        if (envelope != ErrorEnvelope.MESSAGE) {
            ObjectNode inner = root.putObject("error");
            inner.put("message", error.message());
            inner.put("type", error.type());
            inner.put("param", error.param());
            inner.put("code", error.code());
        }
        if (!error.violations().isEmpty()) {
            ArrayNode list = root.putArray("violations");
            for (Violation v : error.violations()) {
                ObjectNode item = list.addObject();
                item.put("param", v.param());
                item.put("message", v.message());
                item.put("code", v.code());
                item.put("rule", v.rule());
                if (v.allowed() != null) {
                    v.allowed().forEach(item.putArray("allowed")::add);
                }
            }
        }
        return root;
    }

    /**
     * An error event inside a stream: always carries the {@code error} object, because stream readers (OpenAI SDKs,
     * Friendli's AI-SDK provider) look for that member in each payload (docs/api-notes.md §9.6).
     */
    public byte[] renderStreamEvent(ApiError error) {
        ErrorRenderer withErrorObject = envelope == ErrorEnvelope.MESSAGE ? new ErrorRenderer(mapper, ErrorEnvelope.BOTH)
                : this;
        return withErrorObject.renderBytes(error);
    }

    public byte[] renderBytes(ApiError error) {
        try {
            return mapper.writeValueAsBytes(render(error));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an error body", e);
        }
    }
}
