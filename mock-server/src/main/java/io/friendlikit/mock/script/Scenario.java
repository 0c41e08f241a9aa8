package io.friendlikit.mock.script;

import io.friendlikit.mock.generation.CannedReply;

import java.util.Locale;
import java.util.Objects;

/**
 * A scripted answer: when a request matches, the generator emits {@code reply} instead of generated text.
 *
 * @param contains text the last user message must contain (case-insensitive), or null for any
 * @param model    model the request must name, or null for any
 */
public record Scenario(String contains, String model, CannedReply reply) {

    public Scenario {
        Objects.requireNonNull(reply, "reply");
        if (reply.content() == null && reply.toolCalls().isEmpty()) {
            throw new IllegalArgumentException("a scenario's reply needs content or tool calls");
        }
        for (CannedReply.Call call : reply.toolCalls()) {
            if (call.name() == null || call.arguments() == null) {
                throw new IllegalArgumentException("a scripted tool call needs a name and arguments");
            }
        }
    }

    /**
     * Whether this scenario answers a request.
     *
     * @param requestModel     the model the request names (null if none)
     * @param lastUserMessage  the text of its last user message, lower-cased (null if there is none)
     */
    boolean matches(String requestModel, String lastUserMessage) {
        boolean modelOk = model == null || model.equals(requestModel);
        boolean textOk = contains == null
                || (lastUserMessage != null && lastUserMessage.contains(contains.toLowerCase(Locale.ROOT)));
        return modelOk && textOk;
    }
}
