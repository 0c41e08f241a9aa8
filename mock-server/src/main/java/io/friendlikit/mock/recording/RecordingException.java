package io.friendlikit.mock.recording;

/** A recording file that does not read: the JSON Pointer of the bad member and the rule it breaks. */
public final class RecordingException extends IllegalArgumentException {

    private final String pointer;

    public RecordingException(String pointer, String rule) {
        super((pointer.isEmpty() ? "(the file)" : pointer) + ": " + rule);
        this.pointer = pointer;
    }

    /** The JSON Pointer of the member, empty for the whole file. */
    public String pointer() {
        return pointer;
    }
}
