package io.friendlikit.conformance;

import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.conformance.config.ConfigResolver;
import io.friendlikit.conformance.config.ConfigurationException;
import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.config.Setting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the kit from code, e.g. from a test of your own build against a server that test started:
 *
 * <pre>{@code
 * KitRunner.RunResult result = ConformanceKit.against(URI.create("http://127.0.0.1:" + port + "/serverless/v1"))
 *         .token("any-token")
 *         .tags("not @costly")
 *         .run();
 * assertThat(result.failed()).as("%s", result.outcomes()).isZero();
 * }</pre>
 *
 * Every {@link Setting} can be given with {@link Builder#set}; what is not given is taken, as for the jar, from
 * system properties, then environment variables, then the defaults. Reports are written to the report directory
 * (default {@code target/cucumber-reports}); the one-screen summary goes to standard output unless
 * {@link Builder#withoutSummary()} is called. A malformed setting fails {@link Builder#run()} with a
 * {@link ConfigurationException} naming it.
 */
public final class ConformanceKit {

    private ConformanceKit() {
    }

    /** A run against the server at this base URL, the one a client would configure. */
    public static Builder against(URI baseUrl) {
        return new Builder().set(Setting.BASE_URL, Objects.requireNonNull(baseUrl, "baseUrl").toString());
    }

    /**
     * A run whose target comes from the settings alone, or, when no base URL is set, from the
     * {@link io.friendlikit.conformance.targets.TargetProvider} on the class path.
     */
    public static Builder fromSettings() {
        return new Builder();
    }

    /** Settings of one run; each call returns this builder. */
    public static final class Builder {

        private final Map<Setting, String> settings = new EnumMap<>(Setting.class);
        private boolean summary = true;

        private Builder() {
        }

        public Builder set(Setting setting, String value) {
            settings.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder token(String token) {
            return set(Setting.TOKEN, token);
        }

        public Builder model(String model) {
            return set(Setting.MODEL, model);
        }

        /** A Cucumber tag expression such as {@code "@SSE-07 or @RESP-01"} or {@code "not @costly"}. */
        public Builder tags(String expression) {
            return set(Setting.TAGS, expression);
        }

        public Builder reportDir(Path directory) {
            return set(Setting.REPORT_DIR, directory.toString());
        }

        /** Leaves out the console summary (the reports are still written). */
        public Builder withoutSummary() {
            summary = false;
            return this;
        }

        /** Runs the selected scenarios and returns their outcomes; it never calls {@code System.exit}. */
        public KitRunner.RunResult run() {
            ConfigResolver resolver = new ConfigResolver(settings, System.getProperties(), System.getenv());
            KitConfig config = resolver.resolve();
            Map<Setting, String> resolved = new EnumMap<>(Setting.class);
            for (Setting setting : Setting.values()) {
                resolver.value(setting).ifPresent(value -> resolved.put(setting, value));
            }
            String reports = config.reportDir();
            try {
                Files.createDirectories(Path.of(reports));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the report directory " + reports, e);
            }
            List<String> plugins = new ArrayList<>(List.of(
                    "html:" + reports + "/cucumber.html",
                    "json:" + reports + "/cucumber.json",
                    "junit:" + reports + "/cucumber-junit.xml"));
            if (summary) {
                plugins.add(KitRunner.SUMMARY_PLUGIN);
            }
            Optional<String> tags = config.tags();
            return new KitRunner().run(resolved, tags, plugins);
        }
    }
}
