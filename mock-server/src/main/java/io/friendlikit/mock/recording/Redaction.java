package io.friendlikit.mock.recording;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What of an exchange goes into a recording file, one table: each header a recording keeps, and whether its value
 * is kept or replaced by {@value #REDACTED}. Headers not in the table are left out (dates, request ids and
 * connection headers change on every exchange and would only make recordings differ). Besides headers, every
 * occurrence of the client's bearer token in any recorded text (bodies, event data) is replaced, so the token the
 * client sent upstream is never written to disk.
 */
public final class Redaction {

    public static final String REDACTED = "<redacted>";

    /** Tokens shorter than this are not searched for in bodies (a one-letter token would mangle the text). */
    public static final int MIN_SECRET_LENGTH = 8;

    /** How a header is recorded. */
    public enum Rule { KEEP, REDACT }

    /** One row: a header name, or a name prefix ending in {@code -*}, and its rule. */
    public record Row(String name, Rule rule, String why) {
        boolean covers(String header) {
            return name.endsWith("*") ? header.startsWith(name.substring(0, name.length() - 1))
                    : header.equals(name);
        }
    }

    /** Request headers recorded. */
    public static final List<Row> REQUEST = List.of(
            new Row("authorization", Rule.REDACT, "the user's token; kept as evidence that one was sent"),
            new Row("x-api-key", Rule.REDACT, "a credential"),
            new Row("cookie", Rule.REDACT, "a credential"),
            new Row("content-type", Rule.KEEP, "how the body was sent"),
            new Row("accept", Rule.KEEP, "what the client asked for"),
            new Row("x-friendli-team", Rule.KEEP, "selects the team the request is billed to"));

    /** Response headers recorded. */
    public static final List<Row> RESPONSE = List.of(
            new Row("set-cookie", Rule.REDACT, "a credential"),
            new Row("content-type", Rule.KEEP, "plain JSON or an event stream"),
            new Row("retry-after", Rule.KEEP, "how long a client should wait after a 429 or 5xx"),
            new Row("retry-after-ms", Rule.KEEP, "the same in milliseconds (openai SDKs read it)"),
            new Row("x-should-retry", Rule.KEEP, "whether a client should retry (openai SDKs read it)"),
            new Row("x-ratelimit-*", Rule.KEEP, "rate-limit counters"));

    private Redaction() {
    }

    /** Whether a request header is one whose value a recording holds redacted (so it cannot be sent again). */
    public static boolean redacts(String requestHeader) {
        String name = requestHeader.toLowerCase(Locale.ROOT);
        return REQUEST.stream().anyMatch(row -> row.rule() == Rule.REDACT && row.covers(name));
    }

    /** The headers of {@code table} among {@code headers}, names lower-cased, values redacted as the table says. */
    public static SortedMap<String, String> headers(Map<String, String> headers, List<Row> table) {
        SortedMap<String, String> out = new TreeMap<>();
        headers.forEach((rawName, value) -> {
            String name = rawName.toLowerCase(Locale.ROOT);
            for (Row row : table) {
                if (row.covers(name)) {
                    out.put(name, row.rule() == Rule.REDACT ? redactedValue(name, value) : value);
                    return;
                }
            }
        });
        return out;
    }

    /** {@code Bearer <redacted>} keeps the scheme, which says what kind of credential was sent. */
    private static String redactedValue(String name, String value) {
        if (name.equals("authorization") && value != null) {
            int space = value.indexOf(' ');
            if (space > 0) {
                return value.substring(0, space) + " " + REDACTED;
            }
        }
        return REDACTED;
    }

    /** The bearer token of an Authorization header value, or null. */
    public static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String v = authorization.trim();
        if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = v.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    /** {@code text} with every occurrence of {@code secret} (when long enough to search for) replaced. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }
}
