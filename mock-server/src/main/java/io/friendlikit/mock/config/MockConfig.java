package io.friendlikit.mock.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The resolved configuration of one mock server: one checked value for every {@link Setting}. Immutable.
 * {@link #get(Setting)} reads any setting; the named accessors are shorthands for the code that uses them.
 */
public final class MockConfig {

    private final Map<Setting<?>, Object> values;

    private MockConfig(Map<Setting<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** Every setting at its default. */
    public static MockConfig defaults() {
        return new Builder().build();
    }

    public static Clock fixedClock(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    /** The value of a setting. */
    @SuppressWarnings("unchecked") // Builder.set is the only writer and takes a T for a Setting<T>
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public Builder toBuilder() {
        return new Builder(values);
    }

    public int port() {
        return get(Setting.PORT);
    }

    public String host() {
        return get(Setting.HOST);
    }

    public Set<String> tokens() {
        return get(Setting.TOKENS);
    }

    public Set<String> teams() {
        return get(Setting.TEAMS);
    }

    public boolean strictUnknownFields() {
        return get(Setting.STRICT);
    }

    public long seed() {
        return get(Setting.SEED);
    }

    public long maxBodyBytes() {
        return get(Setting.MAX_BODY_BYTES);
    }

    public ErrorEnvelope errorEnvelope() {
        return get(Setting.ERROR_ENVELOPE);
    }

    public Set<String> endpoints() {
        return get(Setting.ENDPOINTS);
    }

    public boolean admin() {
        return get(Setting.ADMIN);
    }

    public long firstTokenMs() {
        return get(Setting.FIRST_TOKEN_MS);
    }

    public long interTokenMs() {
        return get(Setting.INTER_TOKEN_MS);
    }

    public long journalBytes() {
        return get(Setting.JOURNAL_BYTES);
    }

    public Clock clock() {
        return get(Setting.CLOCK);
    }

    public int journalSize() {
        return get(Setting.JOURNAL_SIZE);
    }

    public boolean openAiSchemaMembers() {
        return get(Setting.OPENAI_SCHEMA_MEMBERS);
    }

    public boolean usageChunkAlways() {
        return get(Setting.USAGE_CHUNK) == UsageChunk.ALWAYS;
    }

    public int rateLimitRpm() {
        return get(Setting.RATE_LIMIT_RPM);
    }

    public long rateLimitTpm() {
        return get(Setting.RATE_LIMIT_TPM);
    }

    /** Path of the catalogue file; empty for the built-in catalogue. */
    public String modelsFile() {
        return get(Setting.MODELS_FILE);
    }

    public boolean logRequests() {
        return get(Setting.LOG_REQUESTS);
    }

    public String corsOrigin() {
        return get(Setting.CORS_ORIGIN);
    }

    /** The fixture directories, in the order given. */
    public Set<String> fixtures() {
        return get(Setting.FIXTURES);
    }

    /** The recording directory, or null when not recording. */
    public String recordTo() {
        String dir = get(Setting.RECORD_TO);
        return dir.isEmpty() ? null : dir;
    }

    /** The upstream root URL of record mode, or null. */
    public String upstream() {
        String url = get(Setting.UPSTREAM);
        return url.isEmpty() ? null : url;
    }

    public boolean fixturesLenient() {
        return get(Setting.FIXTURES_LENIENT);
    }

    public boolean inlineUnparsedReasoning() {
        return get(Setting.UNPARSED_REASONING) == UnparsedReasoning.INLINE;
    }

    public long readTimeoutMs() {
        return get(Setting.READ_TIMEOUT_MS);
    }

    public long idleTimeoutMs() {
        return get(Setting.IDLE_TIMEOUT_MS);
    }

    /** The token admin calls must send in {@code X-Admin-Token}; empty when none is required. */
    public String adminToken() {
        return get(Setting.ADMIN_TOKEN);
    }

    /** Host names the admin API answers besides localhost and IP addresses. */
    public Set<String> adminHosts() {
        return get(Setting.ADMIN_HOSTS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MockConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Every setting as its flag would take it, e.g. {@code MockConfig[--port=8080, --host=127.0.0.1, ...]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "MockConfig[", "]");
        for (Setting<?> s : Setting.values()) {
            out.add(s.flag() + "=" + formatted(s));
        }
        return out.toString();
    }

    private <T> String formatted(Setting<T> s) {
        return s.format(get(s));
    }

    /** Sets values one setting at a time, each checked against its setting's rule when set. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

        /** Starts from the defaults. */
        public Builder() {
            for (Setting<?> s : Setting.values()) {
                values.put(s, s.defaultValue());
            }
        }

        private Builder(Map<Setting<?>, Object> from) {
            values.putAll(from);
        }

        /**
         * Sets one setting.
         *
         * @throws ConfigException naming the setting's flag and the rule when the value is not one it takes
         */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, setting.check(value));
            return this;
        }

        /** The value set so far (or the default). */
        @SuppressWarnings("unchecked") // set is the only writer
        public <T> T get(Setting<T> setting) {
            return (T) values.get(setting);
        }

        public MockConfig build() {
            return new MockConfig(values);
        }
    }
}
