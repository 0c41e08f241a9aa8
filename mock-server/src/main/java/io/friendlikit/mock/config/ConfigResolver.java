package io.friendlikit.mock.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
        Map<Setting<?>, String> flags = parseFlags(args);
        MockConfig.Builder config = new MockConfig.Builder();
        for (Setting<?> s : Setting.values()) {
            resolveOne(s, flags, properties, env, config);
        }
        return config.build();
    }

    /** Only the level that wins is read, so a bad value below it does no harm. */
    private static <T> void resolveOne(Setting<T> s, Map<Setting<?>, String> flags,
                                       Function<String, String> properties, Function<String, String> env,
                                       MockConfig.Builder config) {
        if (flags.containsKey(s)) {
            config.set(s, s.parse(flags.get(s), s.flag()));
        } else if (properties.apply(s.property()) != null) {
            config.set(s, s.parse(properties.apply(s.property()), "-D" + s.property()));
        } else if (env.apply(s.env()) != null) {
            config.set(s, s.parse(env.apply(s.env()), s.env()));
        }
    }

    /** True when the arguments ask for help. */
    public static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /** The help text: every option with what it takes, its default, property and variable. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar friendli-mock-server.jar [options]\n\n")
                .append("Emulates Friendli's chat completions API (serverless, dedicated, container routes).\n")
                .append("Each option can also be set by system property or environment variable;\n")
                .append("precedence: option > property > variable > default.\n\nOptions:\n");
        for (Setting<?> s : Setting.values()) {
            sb.append(String.format(Locale.ROOT, "  %-26s %s%n", s.flag() + " <value>", s.description()));
            sb.append(String.format(Locale.ROOT, "  %-26s takes %s; default '%s'%n", "", s.parser().rule(),
                    s.defaultText()));
            sb.append(String.format(Locale.ROOT, "  %-26s property %s, variable %s%n", "", s.property(), s.env()));
        }
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", "--help", "print this text and exit"));
        return sb.toString();
    }

    private static Map<Setting<?>, String> parseFlags(String[] args) {
        Map<Setting<?>, String> out = new HashMap<>();
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
            String flag = name;
            Setting<?> setting = Setting.byFlag(flag).orElseThrow(() ->
                    new ConfigException("unknown option " + flag + " (see --help for the list)"));
            if (setting.repeatable() && out.containsKey(setting)) {
                value = out.get(setting) + "," + value;
            }
            out.put(setting, value);
        }
        return out;
    }
}
