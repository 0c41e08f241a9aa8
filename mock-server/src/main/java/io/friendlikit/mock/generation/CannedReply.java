package io.friendlikit.mock.generation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A scripted answer: the generator emits exactly this text, reasoning and these calls (still tokenized, so
 * streaming, usage, max_tokens, stop and logprobs behave as for generated text).
 *
 * @param content      the text; null for none (then there must be calls)
 * @param reasoning    reasoning_content ahead of the text; null for none. Returned as generated reasoning is:
 *                     hidden (but counted) with {@code include_reasoning: false}
 * @param finishReason replaces the finish reason the pipeline computes, except {@code length} for an answer cut
 *                     by max_tokens; null keeps the computed one
 * @param usage        replaces the token counts reported (plain answer and usage chunk alike); null reports the
 *                     counted ones
 * @param logprobs     the logprob of each content token, in order (finite, at most 0; the last repeats for the
 *                     tokens beyond the list), used when the request asks for logprobs; null: drawn as for
 *                     generated text. Reasoning and tool-call tokens keep drawn values
 */
public record CannedReply(String content, String reasoning, List<Call> toolCalls, FinishReason finishReason,
                          ReportedUsage usage, List<Double> logprobs) {

    public CannedReply {
        toolCalls = List.copyOf(toolCalls);
        if (logprobs != null) {
            logprobs = List.copyOf(logprobs);
            if (logprobs.isEmpty()) {
                throw new IllegalArgumentException("scripted logprobs need at least one value");
            }
            for (double v : logprobs) {
                if (!(v <= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("a scripted logprob must be a finite number <= 0, got " + v);
                }
            }
        }
    }

    /** Without scripted logprobs. */
    public CannedReply(String content, String reasoning, List<Call> toolCalls, FinishReason finishReason,
                       ReportedUsage usage) {
        this(content, reasoning, toolCalls, finishReason, usage, null);
    }

    /** Text and calls only. */
    public CannedReply(String content, List<Call> toolCalls) {
        this(content, null, toolCalls, null, null, null);
    }

    /** A scripted function call; {@code arguments} is serialized compactly. */
    public record Call(String name, JsonNode arguments) {
    }

    /** Token counts to report; a null member keeps the counted value. {@code total_tokens} is their sum. */
    public record ReportedUsage(Integer promptTokens, Integer completionTokens) {
    }
}
