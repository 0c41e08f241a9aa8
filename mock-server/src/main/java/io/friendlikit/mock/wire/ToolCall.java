package io.friendlikit.mock.wire;

/** A complete function call, as in an assistant message: {@code arguments} is a JSON text. */
public record ToolCall(String id, String name, String arguments) {
}
