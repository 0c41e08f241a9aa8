package io.friendlikit.mock.drift;

/**
 * One way the target's answer differs in structure from a recording.
 *
 * @param kind     what differs: one of the constants of this record
 * @param pointer  JSON Pointer of the member concerned (stream members with {@code *} for array indices); empty
 *                 for the whole answer
 * @param recorded what the recording has (a type name, a count class, {@code yes}/{@code no}, a status)
 * @param now      what the target answered, in the same terms
 * @param known    the reason of the divergence entry that makes this difference known, or null when it is drift
 */
public record Difference(String kind, String pointer, String recorded, String now, String known) {

    public static final String STATUS = "status";
    public static final String CONTENT_TYPE = "content-type";
    public static final String BODY = "body";
    public static final String MISSING = "missing";
    public static final String EXTRA = "extra";
    public static final String TYPE = "type";
    public static final String CHOICES_LENGTH = "choices-length";
    public static final String EVENTS = "events";
    public static final String ROLE_FIRST = "role-first";
    public static final String FINISH_CHUNK = "finish-chunk";
    public static final String USAGE_CHUNK = "usage-chunk";
    public static final String DONE = "done";
    public static final String USAGE_ARITHMETIC = "usage-arithmetic";

    public boolean isKnown() {
        return known != null;
    }

    Difference withKnown(String reason) {
        return new Difference(kind, pointer, recorded, now, reason);
    }
}
