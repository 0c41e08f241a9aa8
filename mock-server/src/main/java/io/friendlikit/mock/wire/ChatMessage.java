package io.friendlikit.mock.wire;

import java.util.List;

/**
 * One message of the conversation.
 *
 * @param role        system, user, assistant or tool
 * @param text        the text content (text parts joined by a newline); null when absent
 * @param mediaParts  number of non-text content parts (image_url, audio_url, video_url)
 * @param toolCalls   assistant tool calls; empty when none
 * @param toolCallId  for role tool: the call being answered
 * @param name        optional participant or tool name
 * @param reasoning   assistant reasoning_content (or its alias reasoning) of an earlier turn
 */
public record ChatMessage(String role, String text, int mediaParts, List<ToolCall> toolCalls, String toolCallId,
                          String name, String reasoning) {

    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }
}
