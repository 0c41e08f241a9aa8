package io.friendlikit.mock.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Resolves {@link Setting}s: flag &gt; system property &gt; environment variable &gt; default. */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    /** Resolves from the real system properties and environment. */
    public static MockConfig resolve(String[] args) {
        return resolve(args, System::getProperty, System::getenv);
    }

    /**
     * @param args       command-line arguments ({@code --name value} or {@code --name=value})
     * @param properties system property lookup
     * @param env        environment lookup
     * @throws ConfigException naming the flag or variable when a value is bad or a flag is unknown
     */
    public static MockConfig resolve(String[] args, Function<String, String> properties,
                                     Function<String, String> env) {
        Map<Setting, String> flags = parseFlags(args);
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        Map<Setting, String> source = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            if (flags.containsKey(s)) {
                raw.put(s, flags.get(s));
                source.put(s, s.flag());
            } else if (properties.apply(s.property()) != null) {
                raw.put(s, properties.apply(s.property()));
                source.put(s, "-D" + s.property());
            } else if (env.apply(s.env()) != null) {
                raw.put(s, env.apply(s.env()));
                source.put(s, s.env());
            } else {
                raw.put(s, s.defaultValue());
                source.put(s, "default of " + s.flag());
            }
        }
        Reader r = new Reader(raw, source);
        int port = r.intIn(Setting.PORT, 0, 65535);
        String host = r.text(Setting.HOST);
        if (host.isBlank()) {
            throw r.bad(Setting.HOST, "must not be empty");
        }
        return new MockConfig(port, host, r.list(Setting.TOKENS), r.list(Setting.TEAMS), r.bool(Setting.STRICT),
                r.longValue(Setting.SEED), r.longIn(Setting.MAX_BODY_BYTES, 1, Long.MAX_VALUE),
                r.envelope(), r.list(Setting.ENDPOINTS), r.bool(Setting.ADMIN),
                r.longIn(Setting.FIRST_TOKEN_MS, 0, 600_000), r.longIn(Setting.INTER_TOKEN_MS, 0, 60_000),
                r.clock(), r.intIn(Setting.JOURNAL_SIZE, 0, 1_000_000), r.bool(Setting.OPENAI_SCHEMA_MEMBERS),
                r.usageChunkAlways(), r.intIn(Setting.RATE_LIMIT_RPM, 0, 10_000_000),
                r.readableFile(Setting.MODELS_FILE), r.bool(Setting.LOG_REQUESTS), r.origin(Setting.CORS_ORIGIN),
                r.oneOf(Setting.UNPARSED_REASONING, "drop", "inline").equals("inline"));
    }

    /** True when the arguments ask for help. */
    public static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The help text: every option with its property, variable and default. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar friendli-mock-server.jar [options]\n\n")
                .append("Emulates Friendli's chat completions API (serverless, dedicated, container routes).\n")
                .append("Each option can also be set by system property or environment variable;\n")
                .append("precedence: option > property > variable > default.\n\nOptions:\n");
        for (Setting s : Setting.values()) {
            sb.append(String.format(Locale.ROOT, "  %-26s %s%n", s.flag() + " <value>", s.description()));
            sb.append(String.format(Locale.ROOT, "  %-26s property %s, variable %s, default '%s'%n", "",
                    s.property(), s.env(), s.defaultValue()));
        }
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", "--help", "print this text and exit"));
        return sb.toString();
    }

    private static Map<Setting, String> parseFlags(String[] args) {
        Map<Setting, String> out = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "' (options look like --port 8080; see --help)");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("option " + arg + " needs a value (see --help)");
            }
            Setting setting = bySetting(name);
            out.put(setting, value);
        }
        return out;
    }

    private static Setting bySetting(String flag) {
        for (Setting s : Setting.values()) {
            if (s.flag().equals(flag)) {
                return s;
            }
        }
        throw new ConfigException("unknown option " + flag + " (see --help for the list)");
    }

    private record Reader(Map<Setting, String> raw, Map<Setting, String> source) {

        String text(Setting s) {
            return raw.get(s).trim();
        }

        ConfigException bad(Setting s, String rule) {
            return new ConfigException(source.get(s) + ": '" + raw.get(s) + "' " + rule);
        }

        long longValue(Setting s) {
            try {
                return Long.parseLong(text(s));
            } catch (NumberFormatException e) {
                throw bad(s, "is not an integer");
            }
        }

        long longIn(Setting s, long min, long max) {
            long v = longValue(s);
            if (v < min || v > max) {
                throw bad(s, "must be between " + min + " and " + max);
            }
            return v;
        }

        int intIn(Setting s, int min, int max) {
            return (int) longIn(s, min, max);
        }

        boolean bool(Setting s) {
            String v = text(s).toLowerCase(Locale.ROOT);
            if (v.equals("true")) {
                return true;
            }
            if (v.equals("false")) {
                return false;
            }
            throw bad(s, "must be true or false");
        }

        Set<String> list(Setting s) {
            Set<String> out = new LinkedHashSet<>();
            for (String part : text(s).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }

        ErrorEnvelope envelope() {
            try {
                return ErrorEnvelope.valueOf(text(Setting.ERROR_ENVELOPE).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(Setting.ERROR_ENVELOPE, "must be one of both, message, openai");
            }
        }

        Clock clock() {
            String v = text(Setting.CLOCK);
            if (v.equals("system")) {
                return Clock.systemUTC();
            }
            if (v.startsWith("fixed:")) {
                try {
                    long seconds = Long.parseLong(v.substring("fixed:".length()));
                    if (seconds >= 0) {
                        return MockConfig.fixedClock(seconds);
                    }
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
            }
            throw bad(Setting.CLOCK, "must be 'system' or 'fixed:<unix seconds>'");
        }

        String oneOf(Setting s, String... allowed) {
            String v = text(s);
            for (String a : allowed) {
                if (a.equals(v)) {
                    return v;
                }
            }
            throw bad(s, "must be one of " + String.join(", ", allowed));
        }

        /** Empty, {@code *}, or an origin such as {@code http://localhost:5173}. */
        String origin(Setting s) {
            String v = text(s);
            if (!v.isEmpty() && !v.equals("*") && !v.matches("https?://[^/\\s]+")) {
                throw bad(s, "must be '*' or an origin like http://localhost:5173 (scheme://host[:port], no path)");
            }
            return v;
        }

        /** Empty, or a path to a readable file. */
        String readableFile(Setting s) {
            String v = text(s);
            if (!v.isEmpty() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(v))) {
                throw bad(s, "is not a readable file");
            }
            return v;
        }

        boolean usageChunkAlways() {
            String v = text(Setting.USAGE_CHUNK);
            if (v.equals("requested")) {
                return false;
            }
            if (v.equals("always")) {
                return true;
            }
            throw bad(Setting.USAGE_CHUNK, "must be 'requested' or 'always'");
        }
    }
}
