package io.friendlikit.conformance.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The single place that turns flags, system properties and environment variables into settings:
 * command-line flag &gt; system property &gt; environment variable &gt; default.
 */
public final class ConfigResolver {

    private final Map<Setting, String> flags;
    private final Properties properties;
    private final Map<String, String> environment;

    public ConfigResolver(Map<Setting, String> flags, Properties properties, Map<String, String> environment) {
        this.flags = new EnumMap<>(Setting.class);
        this.flags.putAll(flags);
        this.properties = properties;
        this.environment = Map.copyOf(environment);
    }

    /** Resolver for glue code running inside a test JVM: no flags. */
    public static ConfigResolver fromSystem() {
        return new ConfigResolver(Map.of(), System.getProperties(), System.getenv());
    }

    public Optional<String> value(Setting setting) {
        String fromFlag = flags.get(setting);
        if (present(fromFlag)) {
            return Optional.of(fromFlag.trim());
        }
        String fromProperty = properties.getProperty(setting.property());
        if (present(fromProperty)) {
            return Optional.of(fromProperty.trim());
        }
        String fromEnvironment = environment.get(setting.environmentVariable());
        if (present(fromEnvironment)) {
            return Optional.of(fromEnvironment.trim());
        }
        return setting.defaultValue();
    }

    /** The value of a setting read by its row's parser, e.g. a {@code URI} or a {@code Duration}. */
    public <T> Optional<T> parsed(Setting setting, Class<T> type) {
        return value(setting).map(text -> type.cast(setting.parse(text)));
    }

    /** The value given by flag, property or variable, ignoring the default. */
    public Optional<String> explicit(Setting setting) {
        Optional<String> value = value(setting);
        if (value.isPresent() && value.equals(setting.defaultValue())) {
            boolean given = present(flags.get(setting)) || present(properties.getProperty(setting.property()))
                    || present(environment.get(setting.environmentVariable()));
            return given ? value : Optional.empty();
        }
        return value;
    }

    public KitConfig resolve() {
        return KitConfig.from(this);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
