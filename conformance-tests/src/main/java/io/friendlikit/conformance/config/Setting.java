package io.friendlikit.conformance.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the kit reads, with the four names it can be given under.
 * Precedence, highest first: command-line flag, Java system property, environment variable, default.
 */
public enum Setting {
    /** Base URL as a client would configure it, e.g. {@code http://127.0.0.1:8080/serverless/v1}. */
    BASE_URL("--base-url", "friendli.base-url", "FRIENDLI_BASE_URL", null),
    /** Bearer token sent in {@code Authorization}. Required for any non-local target. */
    TOKEN("--token", "friendli.token", "FRIENDLI_TOKEN", null),
    /**
     * Model code used by scenarios that do not name one. Unset, the jar runner takes {@link #DEFAULT_MODEL} when
     * {@code GET <base>/models} lists it, else the first model listed there, and says which.
     */
    MODEL("--model", "friendli.model", "FRIENDLI_MODEL", "meta-llama-3.1-8b-instruct"),
    /** Root of the mock's admin API, e.g. {@code http://127.0.0.1:8080/__admin}. */
    ADMIN_URL("--admin-url", "friendli.admin-url", "FRIENDLI_ADMIN_URL", null),
    /** Base URL of the dedicated variant; derived from BASE_URL when that ends in /serverless/v1. */
    DEDICATED_BASE_URL("--dedicated-base-url", "friendli.dedicated-base-url", "FRIENDLI_DEDICATED_BASE_URL", null),
    /** Endpoint id used by the dedicated scenarios; the mock's default id is used on a mock target. */
    DEDICATED_MODEL("--dedicated-model", "friendli.dedicated-model", "FRIENDLI_DEDICATED_MODEL", null),
    /** Reasoning model of the reasoning scenarios: one that parses reasoning and does not accept reasoning_effort "low". */
    REASONING_MODEL("--reasoning-model", "friendli.reasoning-model", "FRIENDLI_REASONING_MODEL", "zai-org/GLM-5.2"),
    /** Base URL of the container variant (no auth, model optional); {@code <origin>/v1} on a mock, otherwise unset. */
    CONTAINER_BASE_URL("--container-base-url", "friendli.container-base-url", "FRIENDLI_CONTAINER_BASE_URL", null),
    /** A team the token belongs to (X-Friendli-Team accepted); on a mock read from its admin health answer. */
    TEAM("--team", "friendli.team", "FRIENDLI_TEAM", null),
    /** A team the token does not belong to (X-Friendli-Team refused with 403); on a mock derived from its team policy. */
    FOREIGN_TEAM("--foreign-team", "friendli.foreign-team", "FRIENDLI_FOREIGN_TEAM", null),
    /** Cucumber tag expression selecting scenarios (jar runner only). */
    TAGS("--tags", "friendli.tags", "FRIENDLI_TAGS", null),
    /** "true" runs @costly scenarios on non-mock targets too. */
    INCLUDE_COSTLY("--include-costly", "friendli.include-costly", "FRIENDLI_INCLUDE_COSTLY", "false"),
    /** Overrides the detected target kind (mock, live, other) used to pick divergence entries. */
    TARGET_KIND("--target-kind", "friendli.target-kind", "FRIENDLI_TARGET_KIND", null),
    /** Seconds to wait for one response (or one whole stream). */
    TIMEOUT_SECONDS("--timeout", "friendli.timeout-seconds", "FRIENDLI_TIMEOUT_SECONDS", "60"),
    /**
     * Directory the jar runner writes its reports to, relative to the directory the kit is run from (the jar prints
     * the absolute path at the end).
     */
    REPORT_DIR("--report-dir", "friendli.report-dir", "FRIENDLI_REPORT_DIR", "target/cucumber-reports"),
    /**
     * Which failures make the jar exit with 1: "any" (default), or "firm" — only those of rules that are neither
     * {@code @live-unverified} nor {@code @friendli-specific}, to judge a third-party server on the
     * OpenAI-compatible contract alone.
     */
    FAIL_ON("--fail-on", "friendli.fail-on", "FRIENDLI_FAIL_ON", "any");

    /** The model the kit uses when none is configured and the target's catalogue lists it (or cannot be read). */
    public static final String DEFAULT_MODEL = "meta-llama-3.1-8b-instruct";

    private final String flag;
    private final String property;
    private final String environmentVariable;
    private final String defaultValue;

    Setting(String flag, String property, String environmentVariable, String defaultValue) {
        this.flag = flag;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
    }

    public String flag() { return flag; }
    public String property() { return property; }
    public String environmentVariable() { return environmentVariable; }
    public Optional<String> defaultValue() { return Optional.ofNullable(defaultValue); }

    public String names() {
        return flag + " / -D" + property + " / " + environmentVariable;
    }

    public static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
    }
}
