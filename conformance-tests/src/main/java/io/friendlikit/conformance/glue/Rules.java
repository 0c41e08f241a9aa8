package io.friendlikit.conformance.glue;

import io.friendlikit.conformance.http.ApiRequest;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rule ids of the running scenario (tags such as {@code @SSE-03}), used to label every assertion failure.
 */
public final class Rules {

    private static final Pattern RULE_TAG = Pattern.compile("@[A-Z]+-\\d+[a-z]?");

    private List<String> ids = List.of();
    private String lastRequest;

    void use(Collection<String> tags) {
        ids = tags.stream().filter(t -> RULE_TAG.matcher(t).matches()).map(t -> t.substring(1)).toList();
    }

    public List<String> ids() {
        return ids;
    }

    public String label() {
        return ids.isEmpty() ? "[no rule id]" : "[" + String.join(", ", ids) + "]";
    }

    /** Remembers the request being sent, so that a failure can name it after what went wrong. */
    void sending(ApiRequest request) {
        lastRequest = request.summary();
    }

    /**
     * An AssertionError "[RULE] expected …; got …; request …": the rule, the expectation and what came back come
     * first (a console or report that cuts long lines keeps them), the request that was sent last.
     */
    public AssertionError violation(String expected, String actual) {
        return new AssertionError(label() + " expected " + expected + "; got " + actual
                + (lastRequest == null ? "" : "; request " + lastRequest));
    }

    public void check(boolean condition, String expected, java.util.function.Supplier<String> actual) {
        if (!condition) {
            throw violation(expected, actual.get());
        }
    }
}
