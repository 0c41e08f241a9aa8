package io.friendlikit.conformance.cli;

import io.friendlikit.conformance.config.ConfigResolver;
import io.friendlikit.conformance.config.ConfigurationException;
import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.config.Setting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar friendli-conformance.jar --base-url URL --token TOKEN [--model M] [--tags EXPR]}: runs the
 * bundled features against a server. Exit status 0 when every selected scenario passed or was skipped with a
 * reason, 1 when one failed, 2 for a usage or configuration error (or when no scenario was selected).
 */
public final class ConformanceMain {

    private ConformanceMain() {
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args));
    }

    /**
     * The jar bundles no logging back end; without one SLF4J (used by the schema validator) prints three
     * "no providers" lines into the report. Name its built-in no-op provider, unless the user chose one.
     */
    static void quietLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Runs the kit and returns the exit status instead of exiting. */
    public static int run(String[] args) {
        Map<Setting, String> flags;
        try {
            flags = parse(args);
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            return 2;
        }
        if (flags == null) {
            System.out.println(usage());
            return 0;
        }
        ConfigResolver resolver = new ConfigResolver(flags, System.getProperties(), System.getenv());
        KitConfig config;
        try {
            config = resolver.resolve();
        } catch (ConfigurationException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        }
        if (config.baseUrl().isEmpty()) {
            System.err.println("Configuration error: no server to test. Pass " + Setting.BASE_URL.flag()
                    + " URL or set " + Setting.BASE_URL.environmentVariable()
                    + " (e.g. http://127.0.0.1:8080/serverless/v1)");
            return 2;
        }
        Map<Setting, String> resolved = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            resolver.value(setting).ifPresent(v -> resolved.put(setting, v));
        }
        Path reports = Path.of(config.reportDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(reports);
        } catch (Exception e) {
            System.err.println("Cannot create report directory " + reports + ": " + e.getMessage());
            return 2;
        }
        Preflight.Outcome preflight = new Preflight(config.timeout()).check(config.baseUrl().get(),
                config.token().orElse(io.friendlikit.conformance.targets.TargetSession.DEFAULT_LOCAL_TOKEN),
                resolver.explicit(Setting.MODEL));
        if (preflight.problem().isPresent()) {
            System.err.println("Configuration error: " + preflight.problem().get());
            return 2;
        }
        resolved.put(Setting.MODEL, preflight.model());
        List<String> plugins = List.of(
                "html:" + reports.resolve("cucumber.html"),
                "json:" + reports.resolve("cucumber.json"),
                "junit:" + reports.resolve("cucumber-junit.xml"),
                KitRunner.SUMMARY_PLUGIN + ":" + reports.resolve(SUMMARY_PAGE));
        System.out.println("Friendli conformance kit: testing " + config.baseUrl().get() + " with " + preflight.modelNote()
                + config.tags().map(t -> ", tags " + t).orElse(""));
        KitRunner.RunResult result = new KitRunner().run(resolved, config.tags(), plugins);
        System.out.println("Reports in " + reports + ": " + SUMMARY_PAGE + " (failures by cause), cucumber.html,"
                + " cucumber.json, cucumber-junit.xml");
        if (result.found() == 0) {
            System.err.println("No scenario selected" + config.tags().map(t -> " by tags " + t).orElse(""));
            return 2;
        }
        long counted = config.failOnFirmOnly() ? result.firmFailures() : result.failed();
        return counted == 0 ? 0 : 1;
    }

    /** The comparison page the summary plugin writes next to Cucumber's reports. */
    public static final String SUMMARY_PAGE = "summary.html";

    /** Flags to settings; null means --help was asked for. */
    static Map<Setting, String> parse(String[] args) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            String flagName = name;
            Setting setting = Setting.byFlag(name).orElseThrow(() ->
                    new ConfigurationException("Unknown option " + flagName));
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigurationException("Option " + name + " needs a value");
                }
                value = args[++i];
            }
            flags.put(setting, value);
        }
        return flags;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar friendli-conformance.jar --base-url URL --token TOKEN"
                + " [--model M] [--tags EXPR] [options]\n"
                + "Each option can also be given as a system property or an environment variable"
                + " (flag > property > environment > default):\n");
        for (Setting s : Setting.values()) {
            text.append(String.format("  %-34s -D%-30s %s%n", s.flag() + " " + s.parser().name(), s.property(),
                    s.environmentVariable()));
            text.append(String.format("      %s (%s); default: %s%n", s.description(), s.parser().expected(),
                    s.defaultText()));
        }
        return text.toString();
    }

}
