package io.friendlikit.mock;

import io.friendlikit.mock.config.ConfigException;
import io.friendlikit.mock.config.ConfigResolver;
import io.friendlikit.mock.config.ErrorEnvelope;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.config.Setting;
import io.friendlikit.mock.config.UnparsedReasoning;
import io.friendlikit.mock.config.UsageChunk;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.friendlikit.mock.TestServer.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded builder reaches every setting, by name or through {@link Setting}, with the command line's rules. */
class MockServerBuilderTest {

    @Test
    void namedMethodsSetTheirSettings() {
        MockConfig c = MockServer.builder().port(0).host("0.0.0.0").tokens(Set.of("t")).teams(Set.of("team"))
                .strictUnknownFields(false).seed(42).maxBodyBytes(10).errorEnvelope(ErrorEnvelope.OPENAI)
                .endpoints(Set.of("ep")).pacing(3, 4).clock(MockConfig.fixedClock(9)).usageChunkAlways(true)
                .corsOrigin("*").rateLimitRpm(5).build().config();
        assertThat(c.get(Setting.PORT)).isZero();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.tokens()).containsExactly("t");
        assertThat(c.teams()).containsExactly("team");
        assertThat(c.strictUnknownFields()).isFalse();
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.maxBodyBytes()).isEqualTo(10);
        assertThat(c.errorEnvelope()).isEqualTo(ErrorEnvelope.OPENAI);
        assertThat(c.endpoints()).containsExactly("ep");
        assertThat(c.firstTokenMs()).isEqualTo(3);
        assertThat(c.interTokenMs()).isEqualTo(4);
        assertThat(c.clock().instant().getEpochSecond()).isEqualTo(9);
        assertThat(c.get(Setting.USAGE_CHUNK)).isEqualTo(UsageChunk.ALWAYS);
        assertThat(c.corsOrigin()).isEqualTo("*");
        assertThat(c.rateLimitRpm()).isEqualTo(5);
    }

    @Test
    void settingsWithoutANamedMethodAreReachableBySetAndConfig() {
        MockConfig c = MockServer.builder()
                .set(Setting.ADMIN, false)
                .set(Setting.JOURNAL_SIZE, 2)
                .config(b -> b.set(Setting.OPENAI_SCHEMA_MEMBERS, false).set(Setting.LOG_REQUESTS, false)
                        .set(Setting.UNPARSED_REASONING, UnparsedReasoning.INLINE))
                .build().config();
        assertThat(c.admin()).isFalse();
        assertThat(c.journalSize()).isEqualTo(2);
        assertThat(c.openAiSchemaMembers()).isFalse();
        assertThat(c.logRequests()).isFalse();
        assertThat(c.inlineUnparsedReasoning()).isTrue();
        assertThat(c.get(Setting.MODELS_FILE)).isEmpty();
    }

    @Test
    void aWholeConfigIsTheStartAndLaterCallsChangeIt() {
        MockConfig resolved = ConfigResolver.resolve(new String[] {"--seed", "5", "--journal-size", "3"},
                k -> null, k -> null);
        MockConfig c = MockServer.builder().config(resolved).set(Setting.SEED, 6L).build().config();
        assertThat(c.seed()).isEqualTo(6);
        assertThat(c.journalSize()).isEqualTo(3);
        assertThat(MockServer.builder().build().config()).isEqualTo(MockConfig.defaults());
    }

    @Test
    void aSettingSetOnlyThroughTheBuilderTakesEffect() {
        try (TestServer mock = new TestServer(MockServer.builder().set(Setting.ADMIN, false)
                .set(Setting.JOURNAL_SIZE, 1))) {
            mock.bare().get("/__admin/journal").then().statusCode(404);
            mock.authed().body(TestServer.body("")).post(CHAT).then().statusCode(200);
            mock.authed().body(TestServer.body("")).post(CHAT).then().statusCode(200);
            assertThat(mock.server().journal().entries()).hasSize(1);
        }
    }

    @Test
    void aValueTheSettingDoesNotTakeIsRefusedAtOnce() {
        MockServer.Builder builder = MockServer.builder();
        assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--port").hasMessageContaining("'70000'")
                .hasMessageContaining("must be between 0 and 65535");
        assertThatThrownBy(() -> builder.pacing(-1, 0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--first-token-ms").hasMessageContaining("must be between 0 and 600000");
        assertThatThrownBy(() -> builder.config(c -> c.set(Setting.CORS_ORIGIN, "localhost/app")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--cors-origin");
        assertThatThrownBy(() -> builder.set(Setting.HOST, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("--host").hasMessageContaining("must not be null");
        assertThat(builder.build().config()).as("refused values leave the defaults").isEqualTo(MockConfig.defaults());
    }
}
