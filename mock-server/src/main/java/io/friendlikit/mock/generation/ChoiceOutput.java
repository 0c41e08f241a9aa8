package io.friendlikit.mock.generation;

import java.util.List;

/**
 * What one choice produced, as token sequences so that the plain answer and the stream are built from the
 * same data.
 *
 * @param reasoning tokens of reasoning_content (empty unless a reasoning model parses reasoning)
 * @param content   tokens of the answer text; empty list and {@code contentNull} true when the choice only calls
 *                  tools
 * @param toolCalls calls in order; empty when none
 */
public record ChoiceOutput(int index, List<Token> reasoning, List<Token> content, boolean contentNull,
                           List<GeneratedToolCall> toolCalls, FinishReason finishReason) {

    public ChoiceOutput {
        reasoning = List.copyOf(reasoning);
        content = List.copyOf(content);
        toolCalls = List.copyOf(toolCalls);
    }

    public String contentText() {
        return contentNull ? null : join(content);
    }

    public String reasoningText() {
        return reasoning.isEmpty() ? null : join(reasoning);
    }

    /** Tokens this choice emitted: reasoning, content and tool-call arguments. */
    public int completionTokens() {
        int count = reasoning.size() + content.size();
        for (GeneratedToolCall call : toolCalls) {
            count += call.argumentTokens().size();
        }
        return count;
    }

    private static String join(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.text());
        }
        return sb.toString();
    }
}
