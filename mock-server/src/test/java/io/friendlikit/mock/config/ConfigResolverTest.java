package io.friendlikit.mock.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Flags, system properties, environment variables and defaults of every {@link Setting}. */
class ConfigResolverTest {

    /**
     * One setting's test data: a valid value that differs from the default, how to read it back from the
     * resolved config and what it must read as, and an invalid value (null when every text is valid).
     */
    record Sample(String valid, Function<MockConfig, Object> read, Object expected, String invalid) {
    }

    static final Map<Setting<?>, Sample> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put(Setting.PROMPT_TOKEN_MS, new Sample("0.5", c -> c.get(Setting.PROMPT_TOKEN_MS), 0.5, "-1"));
        SAMPLES.put(Setting.INTER_TOKEN_JITTER_MS, new Sample("3", c -> c.get(Setting.INTER_TOKEN_JITTER_MS), 3.0,
                "NaN"));
        SAMPLES.put(Setting.LOAD_FACTOR, new Sample("2.5", c -> c.get(Setting.LOAD_FACTOR), 2.5, "0.5"));
        SAMPLES.put(Setting.FULL_LOAD_STREAMS, new Sample("50", c -> c.get(Setting.FULL_LOAD_STREAMS), 50, "0"));
        SAMPLES.put(Setting.JOURNAL_BYTES, new Sample("1048576", MockConfig::journalBytes, 1_048_576L, "-1"));
        SAMPLES.put(Setting.PORT, new Sample("4321", MockConfig::port, 4321, "abc"));
        SAMPLES.put(Setting.HOST, new Sample("0.0.0.0", MockConfig::host, "0.0.0.0", "  "));
        SAMPLES.put(Setting.TOKENS, new Sample("tok-a, tok-b", MockConfig::tokens, Set.of("tok-a", "tok-b"), null));
        SAMPLES.put(Setting.TEAMS, new Sample("team-1", MockConfig::teams, Set.of("team-1"), null));
        SAMPLES.put(Setting.STRICT, new Sample("false", MockConfig::strictUnknownFields, false, "maybe"));
        SAMPLES.put(Setting.SEED, new Sample("99", MockConfig::seed, 99L, "ninety"));
        SAMPLES.put(Setting.MAX_BODY_BYTES, new Sample("2048", MockConfig::maxBodyBytes, 2048L, "0"));
        SAMPLES.put(Setting.ERROR_ENVELOPE, new Sample("openai", MockConfig::errorEnvelope, ErrorEnvelope.OPENAI,
                "xml"));
        SAMPLES.put(Setting.ENDPOINTS, new Sample("ep1,ep1:lora", MockConfig::endpoints, Set.of("ep1", "ep1:lora"),
                null));
        SAMPLES.put(Setting.ADMIN, new Sample("false", MockConfig::admin, false, "yes"));
        SAMPLES.put(Setting.FIRST_TOKEN_MS, new Sample("15", MockConfig::firstTokenMs, 15L, "-1"));
        SAMPLES.put(Setting.INTER_TOKEN_MS, new Sample("7", MockConfig::interTokenMs, 7L, "60001"));
        SAMPLES.put(Setting.CLOCK, new Sample("fixed:100", c -> c.clock().instant().getEpochSecond(), 100L,
                "fixed:x"));
        SAMPLES.put(Setting.JOURNAL_SIZE, new Sample("5", MockConfig::journalSize, 5, "-1"));
        SAMPLES.put(Setting.OPENAI_SCHEMA_MEMBERS, new Sample("false", MockConfig::openAiSchemaMembers, false, "1"));
        SAMPLES.put(Setting.USAGE_CHUNK, new Sample("always", MockConfig::usageChunkAlways, true, "sometimes"));
        SAMPLES.put(Setting.RATE_LIMIT_RPM, new Sample("60", MockConfig::rateLimitRpm, 60, "-1"));
        SAMPLES.put(Setting.RATE_LIMIT_TPM, new Sample("40000", MockConfig::rateLimitTpm, 40_000L, "many"));
        SAMPLES.put(Setting.UNPARSED_REASONING, new Sample("inline", MockConfig::inlineUnparsedReasoning, true, "keep"));
        SAMPLES.put(Setting.CORS_ORIGIN, new Sample("http://localhost:5173", MockConfig::corsOrigin, "http://localhost:5173", "localhost:5173/app"));
        SAMPLES.put(Setting.LOG_REQUESTS, new Sample("false", MockConfig::logRequests, false, "loud"));
        SAMPLES.put(Setting.MODELS_FILE, new Sample("pom.xml", MockConfig::modelsFile, "pom.xml", "no/such/file.json"));
        SAMPLES.put(Setting.READ_TIMEOUT_MS, new Sample("1500", MockConfig::readTimeoutMs, 1500L, "99"));
        SAMPLES.put(Setting.IDLE_TIMEOUT_MS, new Sample("2500", MockConfig::idleTimeoutMs, 2500L, "soon"));
        SAMPLES.put(Setting.ADMIN_TOKEN, new Sample("s3cret", MockConfig::adminToken, "s3cret", "two words"));
        SAMPLES.put(Setting.ADMIN_HOSTS, new Sample("mock.lan, ci.internal", MockConfig::adminHosts,
                Set.of("mock.lan", "ci.internal"), null));
        SAMPLES.put(Setting.FIXTURES, new Sample("src,src/main", MockConfig::fixtures, Set.of("src", "src/main"),
                "no/such/dir"));
        SAMPLES.put(Setting.FIXTURES_LENIENT, new Sample("true", MockConfig::fixturesLenient, true, "perhaps"));
        SAMPLES.put(Setting.RECORD_TO, new Sample("target/recordings", MockConfig::recordTo, "target/recordings",
                "bad\u0000path"));
        SAMPLES.put(Setting.UPSTREAM, new Sample("https://api.friendli.ai/", MockConfig::upstream,
                "https://api.friendli.ai", "ftp://api.friendli.ai"));
        SAMPLES.put(Setting.REPLAY_SPEED, new Sample("2", c -> c.get(Setting.REPLAY_SPEED), 2.0, "-1"));
        SAMPLES.put(Setting.REPLAY_MISS, new Sample("404", c -> c.get(Setting.REPLAY_MISS), "404", "500"));
        SAMPLES.put(Setting.REPLAY_MATCH, new Sample("model, messages", c -> c.get(Setting.REPLAY_MATCH),
                Set.of("model", "messages"), null));
    }

    private static final Function<String, String> NONE = key -> null;

    private static MockConfig resolve(String[] args, Map<String, String> properties, Map<String, String> env) {
        return ConfigResolver.resolve(args, properties::get, env::get);
    }

    private static String[] args(String... args) {
        return args;
    }

    // ------------------------------------------------------------------ precedence

    @Test
    void precedenceIsFlagThenPropertyThenEnvThenDefault() {
        Map<String, String> props = Map.of("friendli.mock.port", "2222", "friendli.mock.seed", "20",
                "friendli.mock.strict", "false");
        Map<String, String> env = Map.of("FRIENDLI_MOCK_PORT", "3333", "FRIENDLI_MOCK_SEED", "30",
                "FRIENDLI_MOCK_STRICT", "true", "FRIENDLI_MOCK_USAGE_CHUNK", "always");

        MockConfig all = resolve(args("--port", "1111", "--seed=10", "--strict", "true"), props, env);
        assertThat(all.port()).isEqualTo(1111);
        assertThat(all.seed()).isEqualTo(10);
        assertThat(all.strictUnknownFields()).isTrue();

        MockConfig noFlags = resolve(args(), props, env);
        assertThat(noFlags.port()).isEqualTo(2222);
        assertThat(noFlags.seed()).isEqualTo(20);
        assertThat(noFlags.strictUnknownFields()).isFalse();
        assertThat(noFlags.usageChunkAlways()).as("env when no flag or property").isTrue();

        MockConfig envOnly = resolve(args(), Map.of(), env);
        assertThat(envOnly.port()).isEqualTo(3333);
        assertThat(envOnly.seed()).isEqualTo(30);
        assertThat(envOnly.strictUnknownFields()).isTrue();

        MockConfig defaults = resolve(args(), Map.of(), Map.of());
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.seed()).isZero();
        assertThat(defaults.strictUnknownFields()).isTrue();
        assertThat(defaults.usageChunkAlways()).isFalse();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.tokens()).isEmpty();
    }

    static List<Setting<?>> settings() {
        return Setting.values();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void eachLevelWinsOverTheOnesBelow(Setting<?> s) {
        Sample sample = SAMPLES.get(s);
        Object dflt = sample.read().apply(resolve(args(), Map.of(), Map.of()));
        // the winner has the valid sample value, every lower level the default text
        assertThat(sample.read().apply(resolve(args(s.flag(), sample.valid()),
                Map.of(s.property(), s.defaultText()), Map.of(s.env(), s.defaultText()))))
                .isEqualTo(sample.expected());
        assertThat(sample.read().apply(resolve(args(), Map.of(s.property(), sample.valid()),
                Map.of(s.env(), s.defaultText())))).isEqualTo(sample.expected());
        // a higher level with the default text hides a lower level's value
        assertThat(sample.read().apply(resolve(args(s.flag(), s.defaultText()),
                Map.of(s.property(), sample.valid()), Map.of(s.env(), sample.valid())))).isEqualTo(dflt);
        assertThat(sample.read().apply(resolve(args(), Map.of(s.property(), s.defaultText()),
                Map.of(s.env(), sample.valid())))).isEqualTo(dflt);
    }

    @Test
    void aBadValueAtALowerLevelIsNotReadWhenAHigherLevelIsSet() {
        MockConfig c = resolve(args("--port", "1"), Map.of("friendli.mock.port", "x"),
                Map.of("FRIENDLI_MOCK_PORT", "y"));
        assertThat(c.port()).isEqualTo(1);
        assertThat(resolve(args(), Map.of("friendli.mock.port", "2"), Map.of("FRIENDLI_MOCK_PORT", "y")).port())
                .isEqualTo(2);
    }

    // ------------------------------------------------------------------ every setting, every name

    @Test
    void everySettingHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(Setting.values());
    }

    @Test
    void samplesDifferFromTheDefaults() {
        MockConfig defaults = MockConfig.defaults();
        for (Setting<?> s : Setting.values()) {
            Sample sample = SAMPLES.get(s);
            assertThat(sample.read().apply(defaults)).as("%s default", s).isNotEqualTo(sample.expected());
        }
    }

    static Stream<Arguments> settingsByChannel() {
        return Setting.values().stream().flatMap(s -> Stream.of(
                arguments(s, "flag"), arguments(s, "flag="), arguments(s, "property"), arguments(s, "env")));
    }

    private static MockConfig resolveThrough(Setting<?> s, String channel, String value) {
        return switch (channel) {
            case "flag" -> ConfigResolver.resolve(args(s.flag(), value), NONE, NONE);
            case "flag=" -> ConfigResolver.resolve(args(s.flag() + "=" + value), NONE, NONE);
            case "property" -> ConfigResolver.resolve(args(), key -> key.equals(s.property()) ? value : null, NONE);
            case "env" -> ConfigResolver.resolve(args(), NONE, key -> key.equals(s.env()) ? value : null);
            default -> throw new IllegalArgumentException(channel);
        };
    }

    private static String nameIn(Setting<?> s, String channel) {
        return switch (channel) {
            case "flag", "flag=" -> s.flag();
            case "property" -> s.property();
            case "env" -> s.env();
            default -> throw new IllegalArgumentException(channel);
        };
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("settingsByChannel")
    void everyNameChangesTheResolvedConfig(Setting<?> s, String channel) {
        Sample sample = SAMPLES.get(s);
        assertThat(sample.read().apply(resolveThrough(s, channel, sample.valid())))
                .as("%s given through %s %s", s, channel, nameIn(s, channel))
                .isEqualTo(sample.expected());
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("settingsByChannel")
    void anInvalidValueNamesTheExactFlagPropertyOrVariable(Setting<?> s, String channel) {
        Sample sample = SAMPLES.get(s);
        if (sample.invalid() == null) {
            return; // list settings accept any text; everyNameChangesTheResolvedConfig covers them
        }
        String name = nameIn(s, channel);
        assertThatThrownBy(() -> resolveThrough(s, channel, sample.invalid()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("'" + sample.invalid() + "'");
        // and not a name of another channel: the message says where the bad value came from
        for (String other : new String[] {"flag", "property", "env"}) {
            String otherName = nameIn(s, other);
            if (!name.contains(otherName) && !otherName.equals(name)) {
                assertThatThrownBy(() -> resolveThrough(s, channel, sample.invalid()))
                        .message().doesNotContain(otherName);
            }
        }
    }

    // ------------------------------------------------------------------ help

    @Test
    void helpListsEveryFlagPropertyAndVariable() {
        String help = ConfigResolver.help();
        for (Setting<?> s : Setting.values()) {
            assertThat(help).contains(s.flag() + " ", s.property(), s.env(), s.description(),
                    "takes " + s.parser().rule() + "; default '" + s.defaultText() + "'");
            for (String choice : s.parser().choices()) {
                assertThat(s.parser().rule()).as("%s names %s", s, choice).contains(choice);
            }
        }
        assertThat(help).contains("--help");
        assertThat(ConfigResolver.wantsHelp(args("--port", "1", "--help"))).isTrue();
        assertThat(ConfigResolver.wantsHelp(args("-h"))).isTrue();
        assertThat(ConfigResolver.wantsHelp(args("--port", "1"))).isFalse();
    }

    @Test
    void helpFlagItselfIsNotAnUnknownOption() {
        assertThat(ConfigResolver.resolve(args("--help", "--port", "5"), NONE, NONE).port()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ bad values

    static Stream<Arguments> badArguments() {
        return Stream.of(
                arguments(args("--port", "abc"), "--port", "is not an integer"),
                arguments(args("--port", "70000"), "--port", "must be between 0 and 65535"),
                arguments(args("--port", "-1"), "--port", "must be between 0 and 65535"),
                arguments(args("--port=abc"), "--port", "'abc'"),
                arguments(args("--strict", "maybe"), "--strict", "must be true or false"),
                arguments(args("--clock", "fixed:x"), "--clock", "must be 'system' or 'fixed:<unix seconds>'"),
                arguments(args("--clock", "fixed:-5"), "--clock", "fixed:<unix seconds>"),
                arguments(args("--error-envelope", "xml"), "--error-envelope", "must be one of both, message, openai"),
                arguments(args("--nope", "1"), "--nope", "unknown option --nope"),
                arguments(args("--nope=1"), "--nope", "unknown option --nope"),
                arguments(args("--port"), "--port", "needs a value"),
                arguments(args("--seed", "1", "--port"), "--port", "needs a value"),
                arguments(args("8080"), "8080", "unexpected argument '8080'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsNameTheOption(String[] args, String option, String fragment) {
        assertThatThrownBy(() -> ConfigResolver.resolve(args, NONE, NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(option)
                .hasMessageContaining(fragment);
    }

    @Test
    void portBoundsAreInclusive() {
        assertThat(ConfigResolver.resolve(args("--port", "0"), NONE, NONE).port()).isZero();
        assertThat(ConfigResolver.resolve(args("--port", "65535"), NONE, NONE).port()).isEqualTo(65535);
        assertThatThrownBy(() -> ConfigResolver.resolve(args("--port", "65536"), NONE, NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--port");
    }

    @Test
    void valuesAreTrimmedAndListsSkipBlanks() {
        MockConfig c = ConfigResolver.resolve(args("--port", " 81 ", "--tokens", " a, ,b ,", "--strict", "FALSE"),
                NONE, NONE);
        assertThat(c.port()).isEqualTo(81);
        assertThat(c.tokens()).containsExactlyInAnyOrder("a", "b");
        assertThat(c.strictUnknownFields()).isFalse();
    }
}
