package io.friendlikit.mock.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.friendlikit.mock.catalog.ModelCatalog;
import io.friendlikit.mock.catalog.ModelInfo;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * GET /serverless/v1/models: the catalogue in the shape of docs/api-notes.md §11 (the live endpoint answers without
 * auth, so this one does too). Rendered once at start.
 */
final class ModelsHandler implements HttpHandler {

    private final Responses responses;
    private final byte[] body;

    ModelsHandler(ObjectMapper mapper, ModelCatalog catalog, Responses responses) {
        this.responses = responses;
        ObjectNode root = mapper.createObjectNode();
        var data = root.putArray("data");
        for (ModelInfo m : catalog.all()) {
            ObjectNode item = data.addObject();
            item.put("id", m.id());
            item.put("name", m.name());
            item.put("created", m.created());
            item.put("context_length", m.contextLength());
            item.put("max_completion_tokens", m.maxCompletionTokens());
            ObjectNode pricing = item.putObject("pricing");
            pricing.put("input", "0.0000001");
            pricing.put("output", "0.0000001");
            pricing.put("prompt", "0.0000001");
            pricing.put("completion", "0.0000001");
            ObjectNode functionality = item.putObject("functionality");
            functionality.put("tool_call", m.toolCall());
            functionality.put("builtin_tool", false);
            functionality.put("parallel_tool_call", m.parallelToolCall());
            functionality.put("structured_output", m.structuredOutput());
            item.put("description", m.description());
            item.put("hugging_face_url", "https://huggingface.co/" + m.id());
            item.put("license", "mock");
            item.put("reasoning", m.reasoning());
            ObjectNode options = item.putObject("reasoning_options");
            var efforts = options.putArray("reasoning_effort");
            m.reasoningEfforts().forEach(efforts::add);
            options.put("toggle", m.reasoningToggle());
            options.put("budget", m.reasoningBudget());
        }
        try {
            this.body = mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the model catalogue", e);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        responses.json(exchange, 200, body);
    }
}
