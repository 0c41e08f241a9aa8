package io.friendlikit.mock.catalog;

import java.util.List;

/**
 * One model of the mock's catalogue.
 *
 * @param id                  model code clients send, e.g. {@code meta-llama-3.1-8b-instruct}
 * @param name                display name
 * @param contextLength       prompt + completion tokens may not exceed this
 * @param maxCompletionTokens default and upper bound of generated tokens
 * @param reasoning           true for reasoning models (parse_reasoning produces reasoning_content)
 * @param reasoningEfforts    the reasoning_effort values this model accepts (empty: the field is rejected
 *                            unless null)
 * @param reasoningToggle     whether reasoning can be switched on and off (chat_template_kwargs.enable_thinking)
 * @param reasoningBudget     whether reasoning_budget is advertised
 * @param toolCall            functionality.tool_call
 * @param parallelToolCall    functionality.parallel_tool_call
 * @param structuredOutput    functionality.structured_output
 * @param created             unix seconds shown in the catalogue
 * @param description         catalogue description
 */
public record ModelInfo(String id, String name, int contextLength, int maxCompletionTokens, boolean reasoning,
                        List<String> reasoningEfforts, boolean reasoningToggle, boolean reasoningBudget,
                        boolean toolCall, boolean parallelToolCall, boolean structuredOutput, long created,
                        String description) {

    public ModelInfo {
        reasoningEfforts = List.copyOf(reasoningEfforts);
    }
}
