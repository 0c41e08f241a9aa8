package io.friendlikit.mock.drift;

/** Input the drift cannot work from (exit 2): the message names the file, option or URL, and what is wrong. */
public final class DriftInputException extends RuntimeException {

    public DriftInputException(String message) {
        super(message);
    }
}
