package io.friendlikit.mock.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * How the client behaved, graded from the journal: the rules its requests broke, the documented features it used
 * (and those it never used), and how it handled the faults and errors it met. Built by {@link Grader}.
 *
 * @param verdict     {@code pass} when no rule was broken and no check failed, else {@code fail}
 * @param summary     one line a person reads first, e.g. {@code fail: 12 requests, 2 rules broken, 1 check failed}
 * @param requests    how many journal entries were graded
 * @param rulesBroken each rule id broken, with its count and its first example
 * @param features    every row of {@link Feature#TABLE}: used or not, how often, first request using it
 * @param checks      every row of {@link Check#TABLE}: pass, fail or not seen, with the evidence
 * Members are camelCase, as every admin answer's.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Verdict(String verdict, String summary, int requests, List<RuleBroken> rulesBroken,
                      List<FeatureUse> features, List<CheckResult> checks) {

    /**
     * One rule id the client broke.
     *
     * @param firstEntry  journal id of the first request that broke it
     * @param param       the member it named there
     * @param message     the message the client got for it
     * @param example     that request's body (bodies carry no credentials; headers are not shown), or null
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record RuleBroken(String rule, int count, long firstEntry, String param, String message,
                             JsonNode example) {
    }

    /** One documented feature: whether any graded request used it. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record FeatureUse(String id, String label, boolean used, int requests, Long firstEntry) {
    }

    /**
     * One check of the client's behaviour.
     *
     * @param outcome {@code pass}, {@code fail} or {@code not_seen} (nothing in the journal to judge it by)
     * @param cases   how many situations were judged
     * @param failed  the situations judged failing, each with its evidence
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record CheckResult(String id, String question, String outcome, int cases, List<Evidence> failed) {
    }

    /** What a judgement rests on: the journal entries (ids) and what was measured between them. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Evidence(List<Long> entries, String detail) {
    }
}
