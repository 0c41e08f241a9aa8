package io.friendlikit.mock.script;

/** A member of an admin definition with a value out of its range; the message is {@code member: rule}. */
public final class InvalidMember extends IllegalArgumentException {

    private final String member;
    private final String rule;

    public InvalidMember(String member, String rule) {
        super(member + ": " + rule);
        this.member = member;
        this.rule = rule;
    }

    /** The rule broken, without the member's name. */
    public String rule() {
        return rule;
    }

    /** The member's name within its object, e.g. {@code status}. */
    public String member() {
        return member;
    }

    /** {@code value} if it lies in [min, max]; {@code fallback} if it is null (the member was left out). */
    public static int inRange(String member, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidMember(member, "must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
