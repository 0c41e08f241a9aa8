package io.friendlikit.mock.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Pattern;

/**
 * Why the JSON parser refused a body, for a person: the parser's reason without its internals (source excerpts,
 * start-marker positions, names of its configuration classes), then where it stopped.
 */
public final class JsonSyntaxReason {

    static final int MAX_REASON_LENGTH = 160;

    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*", Pattern.DOTALL);
    /** Jackson names its own classes and settings in back-quotes: "(bound as `...`)", "as per `...`", "from `...`". */
    private static final Pattern PARSER_NAMES =
            Pattern.compile(",?\\s*(\\(bound as `[^`]*`\\)|as per `[^`]*`|from `[^`]*`)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(\\n\\s*)?at \\[Source:.*", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private JsonSyntaxReason() {
    }

    /** E.g. {@code Unexpected end-of-input: expected close marker for ARRAY (line 1, column 28)}. */
    public static String of(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        reason = START_MARKER.matcher(reason).replaceFirst("");
        reason = SOURCE.matcher(reason).replaceFirst("");
        reason = PARSER_NAMES.matcher(reason).replaceAll("");
        reason = WHITESPACE.matcher(reason).replaceAll(" ").trim();
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            reason = reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return reason;
    }
}
