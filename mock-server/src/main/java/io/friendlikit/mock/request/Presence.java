package io.friendlikit.mock.request;

/** Whether a request field must be there and whether {@code null} is accepted ("use the default"). */
public enum Presence {
    /** required, never null */
    REQUIRED("no"),
    /** required and never null, except on the container route where it is optional and nullable */
    REQUIRED_UNLESS_CONTAINER("container route only"),
    /** optional; {@code null} means "use the default" */
    OPTIONAL("yes"),
    /** optional, but {@code null} is refused (only tool_choice) */
    OPTIONAL_NOT_NULL("no");

    private final String nullable;

    Presence(String nullable) {
        this.nullable = nullable;
    }

    /** @param container whether the request came in on the container route */
    public boolean required(boolean container) {
        return this == REQUIRED || (this == REQUIRED_UNLESS_CONTAINER && !container);
    }

    /** @param container whether the request came in on the container route */
    public boolean nullable(boolean container) {
        return this == OPTIONAL || (this == REQUIRED_UNLESS_CONTAINER && container);
    }

    /** The "null" column of the field table. */
    public String nullableText() {
        return nullable;
    }
}
