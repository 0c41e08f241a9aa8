package io.friendlikit.mock.junit5;

/** The admin API answered something other than success, or could not be reached. */
public final class AdminException extends RuntimeException {

    private final int status;

    AdminException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status answered, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
