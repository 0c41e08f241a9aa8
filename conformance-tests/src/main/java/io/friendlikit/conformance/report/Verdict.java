package io.friendlikit.conformance.report;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a scenario's failure says about the server, from its tags, and which family of rules it belongs to.
 * One table for the console summary, the comparison page and the jar's exit status.
 */
public final class Verdict {

    /** Tag of scenarios whose expectation is Friendli's own choice, where an OpenAI-compatible server may differ. */
    public static final String FRIENDLI_SPECIFIC = "@friendli-specific";
    /** Tag of scenarios whose expectation rests on a guess of the spec. */
    public static final String LIVE_UNVERIFIED = "@live-unverified";

    private static final Pattern RULE_TAG = Pattern.compile("@?([A-Z]+)-\\d+[a-z]?");

    /** What a failure means. */
    public enum Weight {
        /** broke the OpenAI-compatible contract as the features state it */
        FIRM("broke the contract"),
        /** the expectation rests on a guess of the spec (@live-unverified) */
        GUESS("rests on a guess (@live-unverified)"),
        /** Friendli does it this way; another OpenAI-compatible server may legally differ (@friendli-specific) */
        FRIENDLI("differs from Friendli (@friendli-specific)");

        private final String label;

        Weight(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A family of rules, by rule-id prefix, in the order a server author would fix them. */
    public record Family(String name, List<String> prefixes) {
    }

    public static final List<Family> FAMILIES = List.of(
            new Family("authentication", List.of("AUTH")),
            new Family("request validation", List.of("VAL", "XF", "FORM")),
            new Family("response shape", List.of("RESP", "MOD")),
            new Family("stream framing", List.of("SSE", "USG")),
            new Family("generation limits", List.of("GEN", "SEED")),
            new Family("tools", List.of("TOOL")),
            new Family("response formats", List.of("FMT")),
            new Family("log-probabilities", List.of("LOGP")),
            new Family("reasoning", List.of("REASON")),
            new Family("dedicated and container paths", List.of("DED", "CONT")),
            new Family("mock control", List.of("CTL")));

    private static final Family OTHER = new Family("other", List.of());

    private Verdict() {
    }

    /** Tags may be given with or without the leading '@'. */
    public static Weight weight(Collection<String> tags) {
        List<String> normalised = tags.stream().map(t -> t.startsWith("@") ? t : "@" + t).toList();
        if (normalised.contains(FRIENDLI_SPECIFIC)) {
            return Weight.FRIENDLI;
        }
        if (normalised.contains(LIVE_UNVERIFIED)) {
            return Weight.GUESS;
        }
        return Weight.FIRM;
    }

    /** The scenario's rule ids (tags such as @SSE-04), without '@'. */
    public static List<String> ruleIds(Collection<String> tags) {
        return tags.stream().map(t -> t.startsWith("@") ? t : "@" + t)
                .filter(t -> RULE_TAG.matcher(t).matches()).map(t -> t.substring(1)).toList();
    }

    public static Family family(String ruleId) {
        Matcher m = RULE_TAG.matcher(ruleId);
        if (!m.matches()) {
            return OTHER;
        }
        String prefix = m.group(1).toUpperCase(Locale.ROOT);
        return FAMILIES.stream().filter(f -> f.prefixes().contains(prefix)).findFirst().orElse(OTHER);
    }
}
