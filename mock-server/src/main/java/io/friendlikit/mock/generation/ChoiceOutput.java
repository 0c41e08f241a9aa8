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
 * @param hiddenReasoningTokens reasoning tokens generated but not returned (include_reasoning false); they still
 *                  count in completion tokens, as a real service bills hidden reasoning
 */
public record ChoiceOutput(int index, List<Token> reasoning, List<Token> content, boolean contentNull,
                           List<GeneratedToolCall> toolCalls, FinishReason finishReason,
                           int hiddenReasoningTokens) {

    public ChoiceOutput {
        reasoning = List.copyOf(reasoning);
        content = List.copyOf(content);
        toolCalls = List.copyOf(toolCalls);
        if (hiddenReasoningTokens < 0) {
            throw new IllegalArgumentException("hiddenReasoningTokens < 0");
        }
    }

    /** An output without hidden reasoning. */
    public ChoiceOutput(int index, List<Token> reasoning, List<Token> content, boolean contentNull,
                        List<GeneratedToolCall> toolCalls, FinishReason finishReason) {
        this(index, reasoning, content, contentNull, toolCalls, finishReason, 0);
    }

    public String contentText() {
        return contentNull ? null : join(content);
    }

    public String reasoningText() {
        return reasoning.isEmpty() ? null : join(reasoning);
    }

    /** Tokens this choice generated: reasoning (returned or hidden), content and tool-call arguments. */
    public int completionTokens() {
        int count = hiddenReasoningTokens + reasoning.size() + content.size();
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
