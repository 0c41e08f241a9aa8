package io.friendlikit.conformance;

import io.friendlikit.conformance.targets.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {

    private static final String PAGE = String.join("\n",
            "# HELP requests_total chat requests",
            "# TYPE requests_total counter",
            "requests_total{model=\"a\",status=\"200\",stream=\"true\"} 2.0",
            "requests_total{model=\"a\",status=\"422\",stream=\"false\"} 1.0",
            "requests_total{model=\"b\",status=\"200\",stream=\"false\"} 4.0",
            "",
            "open 3",
            "odd{path=\"say \\\"hi\\\", \\\\ then\\nleave\"} 7 1700000000000",
            "ttft_bucket{le=\"+Inf\"} 5",
            "gauge_max NaN",
            "");

    @Test
    void sumsTheSamplesWhoseLabelsIncludeTheMatchers() {
        PrometheusText text = PrometheusText.parse(PAGE);
        assertThat(text.sum("requests_total", Map.of())).isEqualTo(7);
        assertThat(text.sum("requests_total", Map.of("status", "200"))).isEqualTo(6);
        assertThat(text.sum("requests_total", Map.of("status", "200", "model", "a"))).isEqualTo(2);
        assertThat(text.sum("requests_total", Map.of("status", "500"))).isZero();
        assertThat(text.sum("missing_total", Map.of())).isZero();
        assertThat(text.sum("open", Map.of())).isEqualTo(3);
    }

    @Test
    void readsEscapedLabelValuesSpecialNumbersAndTimestamps() {
        PrometheusText text = PrometheusText.parse(PAGE);
        assertThat(text.sum("odd", Map.of("path", "say \"hi\", \\ then\nleave"))).isEqualTo(7);
        assertThat(text.sum("ttft_bucket", Map.of("le", "+Inf"))).isEqualTo(5);
        assertThat(text.sum("gauge_max", Map.of())).isNaN();
        assertThat(text.samples()).hasSize(7);
    }

    @Test
    void labelMatchersAreWrittenAsInASample() {
        assertThat(PrometheusText.labels("status=\"422\", stream=\"false\""))
                .containsExactly(Map.entry("status", "422"), Map.entry("stream", "false"));
        assertThat(PrometheusText.labels("  ")).isEmpty();
        assertThat(PrometheusText.labels(null)).isEmpty();
        assertThatThrownBy(() -> PrometheusText.labels("status=422")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected '\"'");
    }

    @Test
    void aLineThatIsNoSampleIsNamed() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x\"}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2")
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> PrometheusText.parse("n{a=\"x\"} many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'many' is not a number");
    }
}
