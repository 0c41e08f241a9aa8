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
            ValueParser.TEXT, "model of the scenarios that name none"),
    ADMIN_URL("--admin-url", "friendli.admin-url", "FRIENDLI_ADMIN_URL", null, "probed at <origin>/__admin",
            ValueParser.HTTP_URL, "mock admin API for @mock-control"),
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
    TAGS("--tags", "friendli.tags", "FRIENDLI_TAGS", null, "all",
            ValueParser.TEXT, "Cucumber tag expression (jar runner and ConformanceKit)"),
    INCLUDE_COSTLY("--include-costly", "friendli.include-costly", "FRIENDLI_INCLUDE_COSTLY", "false", null,
            ValueParser.BOOLEAN, "run @costly on non-mock targets"),
    TARGET_KIND("--target-kind", "friendli.target-kind", "FRIENDLI_TARGET_KIND", null, "detected",
            ValueParser.TARGET_KIND, "mock, live or other (selects divergences)"),
    TIMEOUT_SECONDS("--timeout", "friendli.timeout-seconds", "FRIENDLI_TIMEOUT_SECONDS", "60", null,
            ValueParser.POSITIVE_SECONDS, "seconds per response / whole stream"),
    REPORT_DIR("--report-dir", "friendli.report-dir", "FRIENDLI_REPORT_DIR", "target/cucumber-reports", null,
            ValueParser.TEXT, "reports of the jar runner and ConformanceKit");

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
