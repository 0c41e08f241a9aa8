package io.friendlikit.mock.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serverless models the mock knows (docs/api-notes.md §11's suggested catalogue). Context lengths and output caps
 * are plausible figures for a mock, not live data.
 */
public final class ModelCatalog {

    private final Map<String, ModelInfo> models;

    public ModelCatalog(List<ModelInfo> models) {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        for (ModelInfo m : models) {
            byId.put(m.id(), m);
        }
        this.models = Map.copyOf(byId);
        this.ordered = List.copyOf(models);
    }

    private final List<ModelInfo> ordered;

    public static ModelCatalog defaults() {
        long created = 1735689600L; // 2025-01-01T00:00:00Z
        return new ModelCatalog(List.of(
                plain("meta-llama-3.1-8b-instruct", "Llama 3.1 8B Instruct", 131_072, 8_192, created),
                plain("meta-llama-3.3-70b-instruct", "Llama 3.3 70B Instruct", 131_072, 8_192, created),
                plain("meta-llama/Llama-3.1-8B-Instruct", "Llama 3.1 8B Instruct", 131_072, 8_192, created),
                plain("meta-llama/Llama-3.3-70B-Instruct", "Llama 3.3 70B Instruct", 131_072, 8_192, created),
                new ModelInfo("zai-org/GLM-5.2", "GLM 5.2", 202_752, 32_768, true, List.of("high", "max"), true,
                        false, true, true, true, created, "Reasoning model; efforts high and max; thinking toggle"),
                new ModelInfo("deepseek-ai/DeepSeek-V3.2", "DeepSeek V3.2", 163_840, 16_384, true, List.of(), true,
                        false, true, true, true, created, "Reasoning model; thinking toggle only"),
                plain("LGAI-EXAONE/EXAONE-4.0.1-32B", "EXAONE 4.0.1 32B", 131_072, 16_384, created),
                plain("Qwen/Qwen3-235B-A22B-Instruct-2507", "Qwen3 235B A22B Instruct 2507", 262_144, 16_384,
                        created),
                new ModelInfo("MiniMaxAI/MiniMax-M2.5", "MiniMax M2.5", 196_608, 32_768, true, List.of(), false,
                        true, true, true, true, created, "Reasoning model; reasoning budget only"),
                // A deliberately small context, so context-length rules can be exercised with short prompts.
                new ModelInfo("friendli-mock/tiny-context", "Mock model with a 256-token context", 256, 128, false,
                        List.of(), false, false, true, false, true, created,
                        "Mock-only model with a tiny context window for context-length tests")));
    }

    private static ModelInfo plain(String id, String name, int context, int maxOut, long created) {
        return new ModelInfo(id, name, context, maxOut, false, List.of(), false, false, true, true, true, created,
                name + " (mock)");
    }

    /**
     * Reads a catalogue in the shape of {@code GET /serverless/v1/models} (so a saved live catalogue can be
     * replayed): {@code {"data":[{"id", "name", "created", "context_length", "max_completion_tokens", "reasoning",
     * "reasoning_options": {"reasoning_effort": [...], "toggle", "budget"}, "functionality": {...},
     * "description"}]}}. Only {@code id} is required; the rest defaults to a plain 131072-token model.
     *
     * @throws IllegalArgumentException naming the entry and the member at fault
     */
    public static ModelCatalog fromJson(com.fasterxml.jackson.databind.JsonNode root) {
        com.fasterxml.jackson.databind.JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw new IllegalArgumentException("the catalogue needs a non-empty \"data\" array");
        }
        List<ModelInfo> models = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode m = data.get(i);
            String where = "data[" + i + "]";
            if (!m.path("id").isTextual() || m.path("id").asText().isBlank()) {
                throw new IllegalArgumentException(where + ".id: required non-empty string");
            }
            int context = positive(m, "context_length", 131_072, where);
            int maxOut = positive(m, "max_completion_tokens", Math.min(8_192, context), where);
            com.fasterxml.jackson.databind.JsonNode options = m.path("reasoning_options");
            List<String> efforts = new java.util.ArrayList<>();
            options.path("reasoning_effort").forEach(e -> efforts.add(e.asText()));
            com.fasterxml.jackson.databind.JsonNode fn = m.path("functionality");
            String id = m.get("id").asText();
            models.add(new ModelInfo(id, m.path("name").asText(id), context, maxOut,
                    m.path("reasoning").asBoolean(false), efforts, options.path("toggle").asBoolean(false),
                    options.path("budget").asBoolean(false), fn.path("tool_call").asBoolean(true),
                    fn.path("parallel_tool_call").asBoolean(true), fn.path("structured_output").asBoolean(true),
                    m.path("created").asLong(1735689600L), m.path("description").asText(id)));
        }
        return new ModelCatalog(models);
    }

    private static int positive(com.fasterxml.jackson.databind.JsonNode m, String field, int dflt, String where) {
        com.fasterxml.jackson.databind.JsonNode v = m.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw new IllegalArgumentException(where + "." + field + ": must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    public Optional<ModelInfo> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    public List<ModelInfo> all() {
        return ordered;
    }
}
