package io.friendlikit.conformance;

import io.friendlikit.conformance.compare.JsonComparator;
import io.friendlikit.conformance.config.ConfigResolver;
import io.friendlikit.conformance.config.ConfigurationException;
import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.config.Setting;
import io.friendlikit.conformance.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitConfigTest {

    @Test
    void flagBeatsPropertyBeatsEnvironmentBeatsDefault() {
        Properties properties = new Properties();
        properties.setProperty(Setting.MODEL.property(), "from-property");
        Map<String, String> environment = Map.of(Setting.MODEL.environmentVariable(), "from-env",
                Setting.TIMEOUT_SECONDS.environmentVariable(), "7");
        assertThat(new ConfigResolver(Map.of(Setting.MODEL, "from-flag"), properties, environment).resolve().model())
                .isEqualTo("from-flag");
        assertThat(new ConfigResolver(Map.of(), properties, environment).resolve().model()).isEqualTo("from-property");
        assertThat(new ConfigResolver(Map.of(), new Properties(), environment).resolve().model()).isEqualTo("from-env");
        assertThat(new ConfigResolver(Map.of(), new Properties(), Map.of()).resolve().model())
                .isEqualTo("meta-llama-3.1-8b-instruct");
        assertThat(new ConfigResolver(Map.of(), new Properties(), environment).resolve().timeout().toSeconds()).isEqualTo(7);
    }

    @Test
    void everyDocumentedSettingIsReadUnderEachOfItsNames() {
        for (Setting setting : Setting.values()) {
            String value = switch (setting) {
                case BASE_URL, ADMIN_URL, DEDICATED_BASE_URL, CONTAINER_BASE_URL -> "http://127.0.0.1:9/x";
                case TIMEOUT_SECONDS -> "9";
                case INCLUDE_COSTLY -> "true";
                case TARGET_KIND -> "other";
                case FAIL_ON -> "firm";
                default -> "value-" + setting.name();
            };
            Properties properties = new Properties();
            properties.setProperty(setting.property(), value);
            assertThat(new ConfigResolver(Map.of(), properties, Map.of()).value(setting)).contains(value);
            assertThat(new ConfigResolver(Map.of(), new Properties(), Map.of(setting.environmentVariable(), value)).value(setting))
                    .contains(value);
            assertThat(new ConfigResolver(Map.of(setting, value), new Properties(), Map.of()).value(setting)).contains(value);
            new ConfigResolver(Map.of(setting, value), new Properties(), Map.of()).resolve();
        }
    }

    @Test
    void aRemoteTargetWithoutATokenFailsNamingTheVariableAndTheFlag() {
        assertThatThrownBy(() -> new ConfigResolver(Map.of(Setting.BASE_URL, "https://api.friendli.ai/serverless/v1"),
                new Properties(), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FRIENDLI_TOKEN")
                .hasMessageContaining("--token");
        KitConfig local = new ConfigResolver(Map.of(Setting.BASE_URL, "http://localhost:8080/serverless/v1"),
                new Properties(), Map.of()).resolve();
        assertThat(local.token()).isEmpty();
    }

    @Test
    void badValuesAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new ConfigResolver(Map.of(Setting.TIMEOUT_SECONDS, "soon"), new Properties(), Map.of()).resolve())
                .hasMessageContaining("FRIENDLI_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> new ConfigResolver(Map.of(Setting.BASE_URL, "ftp://x"), new Properties(), Map.of()).resolve())
                .hasMessageContaining("FRIENDLI_BASE_URL");
    }

    @Test
    void divergencesReplaceEqualityOnlyForTheirTargetKind() {
        var expected = Json.parse("{\"id\":\"chatcmpl-00000000000000000000000000000000\",\"choices\":[{\"message\":{\"content\":\"a\"}}],\"usage\":{\"total_tokens\":3}}");
        var actual = Json.parse("{\"id\":\"chatcmpl-11111111111111111111111111111111\",\"choices\":[{\"message\":{\"content\":\"b\"}}],\"usage\":{\"total_tokens\":4}}");
        var onMock = JsonComparator.forComparison("mock", "comparisons/stream-vs-plain.json").differences(expected, actual);
        var onLive = JsonComparator.forComparison("live", "comparisons/stream-vs-plain.json").differences(expected, actual);
        assertThat(onMock).hasSize(2).noneSatisfy(d -> assertThat(d).startsWith("/id")).anySatisfy(d -> assertThat(d).startsWith("/choices/0/message/content"));
        assertThat(onLive).isEmpty();
    }

    @Test
    void absentAndNullAgreeUnderEqualityAndTypeOnly() {
        var comparator = JsonComparator.forComparison("other", "comparisons/stream-vs-plain.json");
        var omitted = Json.parse("{\"choices\":[{\"message\":{\"content\":\"a\"}}]}");
        var nulled = Json.parse("{\"choices\":[{\"message\":{\"content\":\"a\",\"reasoning_content\":null},\"logprobs\":null}]}");
        assertThat(comparator.differences(omitted, nulled)).isEmpty();
        assertThat(comparator.differences(nulled, omitted)).isEmpty();
        // type-only still tells a string from nothing, in plain words
        var withReasoning = Json.parse("{\"choices\":[{\"message\":{\"content\":\"a\",\"reasoning_content\":\"r\"}}]}");
        assertThat(comparator.differences(withReasoning, nulled)).singleElement().asString()
                .startsWith("/choices/0/message/reasoning_content: expected a string, got null");
    }

    @Test
    void aComparisonsOwnEntryWinsOverTheTargetsDivergence() {
        // divergences.json relaxes /choices/*/logprobs to type-only for "other" targets; the stream-vs-plain comparison
        // ignores it (LOGP-06 compares it on its own), and the comparison's entry comes first
        var plain = Json.parse("{\"choices\":[{\"message\":{\"content\":\"a\"},\"logprobs\":{\"content\":[]}}]}");
        var streamed = Json.parse("{\"choices\":[{\"message\":{\"content\":\"a\"},\"logprobs\":null}]}");
        assertThat(JsonComparator.forComparison("other", "comparisons/stream-vs-plain.json").differences(plain, streamed)).isEmpty();
        assertThat(JsonComparator.forTarget("other", "divergences.json").differences(plain, streamed)).singleElement().asString()
                .startsWith("/choices/0/logprobs: expected an object, got null");
        // ids are not compared at all: their shape is RESP-02's rule
        var a = Json.parse("{\"id\":\"chatcmpl-KVl6VR7iG3_4Q47_\"}");
        var b = Json.parse("{\"id\":\"chatcmpl-00000000000000000000000000000000\"}");
        assertThat(JsonComparator.forComparison("mock", "comparisons/stream-vs-plain.json").differences(b, a)).isEmpty();
    }
}
