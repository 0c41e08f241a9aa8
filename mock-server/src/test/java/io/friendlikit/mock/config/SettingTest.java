package io.friendlikit.mock.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The rows of {@link Setting} drive {@link MockConfig} and its builder the same way they drive the resolver. */
class SettingTest {

    static List<Setting<?>> settings() {
        return Setting.values();
    }

    private static <T> MockConfig builtWith(Setting<T> s, String text) {
        return MockConfig.defaults().toBuilder().set(s, s.parse(text, "test")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theBuilderReachesEverySettingAndTheAccessorReadsIt(Setting<?> s) {
        ConfigResolverTest.Sample sample = ConfigResolverTest.SAMPLES.get(s);
        MockConfig built = builtWith(s, sample.valid());
        assertThat(sample.read().apply(built)).as("%s set through the builder", s).isEqualTo(sample.expected());
        assertThat(built.get(s)).isEqualTo(ConfigResolver.resolve(new String[] {s.flag(), sample.valid()},
                key -> null, key -> null).get(s));
        for (Setting<?> other : Setting.values()) {
            if (other != s) {
                assertThat(built.get(other)).as("%s left at its default", other).isEqualTo(other.defaultValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void defaultsAreTheDefaultTextsParsed(Setting<?> s) {
        assertThat(MockConfig.defaults().get(s)).isEqualTo(s.parse(s.defaultText(), "test")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void formattingAValueGivesTextThatParsesBackToIt(Setting<?> s) {
        assertRoundTrip(s, ConfigResolverTest.SAMPLES.get(s).valid());
        assertRoundTrip(s, s.defaultText());
    }

    private static <T> void assertRoundTrip(Setting<T> s, String text) {
        T value = s.parse(text, "test");
        assertThat(s.parse(s.format(value), "test")).as("%s '%s'", s, text).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theBuilderRefusesNullNamingTheSetting(Setting<?> s) {
        assertThatThrownBy(() -> setNull(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(s.flag()).hasMessageContaining("must not be null");
    }

    private static <T> void setNull(Setting<T> s) {
        new MockConfig.Builder().set(s, null);
    }

    static Stream<Arguments> valuesOutsideTheRules() {
        return Stream.of(
                arguments(Setting.PORT, 65536, "must be between 0 and 65535"),
                arguments(Setting.PORT, -1, "must be between 0 and 65535"),
                arguments(Setting.MAX_BODY_BYTES, 0L, "must be at least 1"),
                arguments(Setting.FIRST_TOKEN_MS, 600_001L, "must be between 0 and 600000"),
                arguments(Setting.JOURNAL_SIZE, -1, "must be between 0 and 1000000"),
                arguments(Setting.RATE_LIMIT_RPM, 10_000_001, "must be between 0 and 10000000"),
                arguments(Setting.HOST, " ", "must not be empty"),
                arguments(Setting.CORS_ORIGIN, "localhost:5173/app", "must be '*' or an origin"),
                arguments(Setting.MODELS_FILE, "no/such/file.json", "is not a readable file"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("valuesOutsideTheRules")
    <T> void theBuilderRefusesWhatTheCommandLineRefuses(Setting<T> s, T value, String rule) {
        MockConfig.Builder builder = new MockConfig.Builder();
        assertThatThrownBy(() -> builder.set(s, value)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(s.flag()).hasMessageContaining("'" + s.format(value) + "'")
                .hasMessageContaining(rule);
        assertThatThrownBy(() -> s.parse(s.format(value), s.env())).as("the same rule from text")
                .isInstanceOf(ConfigException.class).hasMessageContaining(rule);
        assertThat(builder.get(s)).as("a refused value is not kept").isEqualTo(s.defaultValue());
    }

    @Test
    void aListHandedInHoldsEntriesAsTheTextWouldGiveThem() {
        MockConfig.Builder builder = new MockConfig.Builder();
        assertThatThrownBy(() -> builder.set(Setting.TOKENS, Set.of(" "))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--tokens").hasMessageContaining("trimmed, non-empty entries");
        assertThatThrownBy(() -> builder.set(Setting.ENDPOINTS, Set.of("a,b"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--endpoints").hasMessageContaining("without commas");
        assertThatThrownBy(() -> builder.set(Setting.TEAMS, Set.of(" t "))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--teams");
        assertThat(builder.build()).isEqualTo(MockConfig.defaults());
    }

    @Test
    void aRefusedNumberOutsideIntIsNotWrappedIntoRange() {
        // 2^32 + 1 would read as port 1 if the text were narrowed before the range check
        assertThatThrownBy(() -> Setting.PORT.parse("4294967297", "--port"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be between 0 and 65535");
    }

    @Test
    void aSetHandedInIsCopiedAndKeepsItsOrder() {
        Set<String> tokens = new java.util.LinkedHashSet<>(List.of("z", "a", "m"));
        MockConfig config = new MockConfig.Builder().set(Setting.TOKENS, tokens).build();
        tokens.add("late");
        assertThat(config.tokens()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> config.tokens().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ConfigResolver.resolve(new String[] {"--endpoints", "b,a,c"}, k -> null, k -> null).endpoints())
                .containsExactly("b", "a", "c");
    }

    @Test
    void everyNameIsDerivedFromTheSettingName() {
        Set<String> names = new HashSet<>();
        for (Setting<?> s : Setting.values()) {
            assertThat(s.name()).matches("[a-z]+(-[a-z]+)*");
            assertThat(s.flag()).isEqualTo("--" + s.name());
            assertThat(s.property()).isEqualTo("friendli.mock." + s.name());
            assertThat(s.env()).isEqualTo("FRIENDLI_MOCK_" + s.name().toUpperCase(java.util.Locale.ROOT)
                    .replace('-', '_'));
            assertThat(Setting.byFlag(s.flag())).containsSame(s);
            assertThat(names.add(s.name())).as("%s is unique", s).isTrue();
        }
        assertThat(Setting.byFlag("--nope")).isEmpty();
    }

    @Test
    void configsWithTheSameValuesAreEqualAndPrintEveryFlag() {
        MockConfig a = new MockConfig.Builder().set(Setting.SEED, 5L).build();
        MockConfig b = MockConfig.defaults().toBuilder().set(Setting.SEED, 5L).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(MockConfig.defaults());
        assertThat(a.toString()).contains("--seed=5", "--clock=system", "--usage-chunk=requested", "--tokens=");
        assertThat(MockConfig.defaults().toBuilder().set(Setting.CLOCK, MockConfig.fixedClock(12)).build().toString())
                .contains("--clock=fixed:12");
    }
}
