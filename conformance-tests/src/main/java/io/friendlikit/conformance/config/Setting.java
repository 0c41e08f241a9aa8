package io.friendlikit.conformance.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting the kit reads, one row each: flag, system property, environment variable, default, parser and
 * description. The resolver, {@code --help} and the options table of conformance-tests/README.md (checked by a
 * test) all come from these rows. Precedence, highest first: command-line flag, Java system property,
 * environment variable, default.
 */
public enum Setting {
    BASE_URL("--base-url", "friendli.base-url", "FRIENDLI_BASE_URL", null, "(embedded mock)",
            ValueParser.HTTP_URL, "server under test"),
    TOKEN("--token", "friendli.token", "FRIENDLI_TOKEN", null, "local dummy",
            ValueParser.TEXT, "bearer token; required for a non-local target"),
    MODEL("--model", "friendli.model", "FRIENDLI_MODEL", "meta-llama-3.1-8b-instruct", null,
            ValueParser.TEXT, "model of the scenarios that name none; not given, the jar keeps the default when"
                    + " GET <base>/models lists it, else takes the first model listed there and says which"),
    ADMIN_URL("--admin-url", "friendli.admin-url", "FRIENDLI_ADMIN_URL", null, "probed at <origin>/__admin",
            ValueParser.HTTP_URL, "mock admin API for @mock-control"),
    ADMIN_TOKEN("--admin-token", "friendli.admin-token", "FRIENDLI_ADMIN_TOKEN", null, "none",
            ValueParser.TEXT, "sent as X-Admin-Token on every admin call, for a mock started with --admin-token"),
    DEDICATED_BASE_URL("--dedicated-base-url", "friendli.dedicated-base-url", "FRIENDLI_DEDICATED_BASE_URL", null,
            "base URL with /serverless/v1 → /dedicated/v1", ValueParser.HTTP_URL, "dedicated variant"),
    DEDICATED_MODEL("--dedicated-model", "friendli.dedicated-model", "FRIENDLI_DEDICATED_MODEL", null,
            "dep0mockendpt01 on a mock", ValueParser.TEXT, "endpoint id"),
    REASONING_MODEL("--reasoning-model", "friendli.reasoning-model", "FRIENDLI_REASONING_MODEL", "zai-org/GLM-5.2", null,
            ValueParser.TEXT, "model of the reasoning scenarios (REASON-*, XF-13); must parse reasoning and refuse"
                    + " reasoning_effort: \"low\""),
    CONTAINER_BASE_URL("--container-base-url", "friendli.container-base-url", "FRIENDLI_CONTAINER_BASE_URL", null,
            "<origin>/v1 on a mock, else unset", ValueParser.HTTP_URL,
            "Friendli Container variant (CONT-*), e.g. http://localhost:8000/v1"),
    TEAM("--team", "friendli.team", "FRIENDLI_TEAM", null,
            "a mock's first listed team (any name when it allows every team)", ValueParser.TEXT,
            "a team the token belongs to (FORM-05)"),
    FOREIGN_TEAM("--foreign-team", "friendli.foreign-team", "FRIENDLI_FOREIGN_TEAM", null,
            "on a mock that lists its teams, a name not among them; else unset (AUTH-06 skipped)", ValueParser.TEXT,
            "a team the token does not belong to (AUTH-06)"),
    TAGS("--tags", "friendli.tags", "FRIENDLI_TAGS", null, "all",
            ValueParser.TEXT, "Cucumber tag expression (jar runner and ConformanceKit)"),
    INCLUDE_COSTLY("--include-costly", "friendli.include-costly", "FRIENDLI_INCLUDE_COSTLY", "false", null,
            ValueParser.BOOLEAN, "run @costly on non-mock targets"),
    TARGET_KIND("--target-kind", "friendli.target-kind", "FRIENDLI_TARGET_KIND", null, "detected",
            ValueParser.TARGET_KIND, "mock, live or other (selects divergences)"),
    TIMEOUT_SECONDS("--timeout", "friendli.timeout-seconds", "FRIENDLI_TIMEOUT_SECONDS", "60", null,
            ValueParser.POSITIVE_SECONDS, "seconds per response / whole stream"),
    REPORT_DIR("--report-dir", "friendli.report-dir", "FRIENDLI_REPORT_DIR", "target/cucumber-reports", null,
            ValueParser.TEXT, "reports of the jar runner and ConformanceKit, relative to the working directory"),
    FAIL_ON("--fail-on", "friendli.fail-on", "FRIENDLI_FAIL_ON", "any", null,
            ValueParser.FAIL_ON, "any failure or only firm ones (neither @live-unverified nor @friendli-specific)"
                    + " make the jar exit with 1");

    /** The model the kit uses when none is configured and the target's catalogue lists it (or cannot be read). */
    public static final String DEFAULT_MODEL = "meta-llama-3.1-8b-instruct";

    private final String flag;
    private final String property;
    private final String environmentVariable;
    private final String defaultValue;
    private final String unsetMeaning;
    private final ValueParser parser;
    private final String description;

    Setting(String flag, String property, String environmentVariable, String defaultValue, String unsetMeaning,
            ValueParser parser, String description) {
        this.flag = flag;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.unsetMeaning = unsetMeaning;
        this.parser = parser;
        this.description = description;
    }

    public String flag() { return flag; }
    public String property() { return property; }
    public String environmentVariable() { return environmentVariable; }
    public Optional<String> defaultValue() { return Optional.ofNullable(defaultValue); }
    public ValueParser parser() { return parser; }
    public String description() { return description; }

    /** The default as a reader sees it: the literal default, or what an unset value means. */
    public String defaultText() {
        return defaultValue != null ? defaultValue : unsetMeaning;
    }

    /** Reads a value of this setting; a malformed one is a {@link ConfigurationException} naming the setting. */
    public Object parse(String text) {
        return parser.read(this, text);
    }

    public String names() {
        return flag + " / -D" + property + " / " + environmentVariable;
    }

    ConfigurationException badValue(String text, String problem) {
        return new ConfigurationException("Bad value '" + text + "' for " + names() + ": " + problem);
    }

    public static Optional<Setting> byFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
    }
}
