package io.friendlikit.mock.wire;

/** {@code tool_choice}: a mode, and the function name when the mode is {@link Mode#FUNCTION}. */
public record ToolChoice(Mode mode, String functionName) {

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

    public enum Mode { NONE, AUTO, REQUIRED, FUNCTION }
}
