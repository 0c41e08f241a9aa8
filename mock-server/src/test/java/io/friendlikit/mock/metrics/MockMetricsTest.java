package io.friendlikit.mock.metrics;

import io.friendlikit.mock.metrics.ExchangeObserver.Answered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockMetricsTest {

    private static final String CHAT = "/serverless/v1/chat/completions";
    private static final String MODEL = "meta-llama-3.1-8b-instruct";

    private final AtomicInteger open = new AtomicInteger();
    private final MockMetrics metrics = new MockMetrics(Set.of(MODEL, "dep0mockendpt01"), open::get);

    private static Answered ok(String model, int prompt, int completion) {
        return new Answered(CHAT, 200, model, false, List.of(), List.of(), prompt, completion);
    }

    @Test
    void countsRequestsByRouteStatusModelAndStream() {
        metrics.answered(ok(MODEL, 10, 5));
        metrics.answered(ok(MODEL, 10, 5));
        metrics.answered(new Answered("/dedicated/v1/chat/completions", 404, "dep0nothere", true, List.of(),
                List.of(), 0, 0));

        assertThat(metrics.count(MockMetrics.REQUESTS)).isEqualTo(3);
        assertThat(metrics.count(MockMetrics.REQUESTS, "route", CHAT, "status", "200", "model", MODEL,
                "stream", "false")).isEqualTo(2);
        assertThat(metrics.count(MockMetrics.REQUESTS, "route", "/dedicated/v1/chat/completions", "status", "404",
                "model", MockMetrics.UNKNOWN_MODEL, "stream", "true")).isEqualTo(1);
        assertThat(metrics.count(MockMetrics.REQUESTS, "status", "500")).isZero();
    }

    @Test
    void modelIdsOutsideTheCatalogueShareOneSeries() {
        for (int i = 0; i < 500; i++) {
            metrics.answered(new Answered(CHAT, 404, "made-up-model-" + i, false, List.of(), List.of(), 0, 0));
        }
        metrics.answered(new Answered(CHAT, 422, null, false, List.of("VAL-REQUIRED"), List.of(), 0, 0));

        assertThat(metrics.registry().find(MockMetrics.REQUESTS).counters()).hasSize(2);
        assertThat(metrics.count(MockMetrics.REQUESTS, "model", MockMetrics.UNKNOWN_MODEL)).isEqualTo(500);
        assertThat(metrics.count(MockMetrics.REQUESTS, "model", MockMetrics.NO_MODEL)).isEqualTo(1);
        assertThat(metrics.scrape()).doesNotContain("made-up-model");
        assertThat(metrics.modelLabel("dep0mockendpt01")).isEqualTo("dep0mockendpt01");
    }

    @Test
    void countsEachViolationByRuleAndEachFaultByType() {
        metrics.answered(new Answered(CHAT, 422, MODEL, false, List.of("VAL-RANGE", "VAL-RANGE", "VAL-TYPE"),
                List.of(), 0, 0));
        metrics.answered(new Answered(CHAT, 200, MODEL, true, List.of(), List.of("latency", "disconnect"), 3, 2));

        assertThat(metrics.count(MockMetrics.VIOLATIONS, "rule", "VAL-RANGE")).isEqualTo(2);
        assertThat(metrics.count(MockMetrics.VIOLATIONS, "rule", "VAL-TYPE")).isEqualTo(1);
        assertThat(metrics.count(MockMetrics.VIOLATIONS)).isEqualTo(3);
        assertThat(metrics.count(MockMetrics.FAULTS, "type", "latency")).isEqualTo(1);
        assertThat(metrics.count(MockMetrics.FAULTS, "type", "disconnect")).isEqualTo(1);
        assertThat(metrics.count(MockMetrics.FAULTS, "type", "http_error")).isZero();
    }

    @Test
    void sumsPromptAndCompletionTokensPerModel() {
        metrics.answered(ok(MODEL, 12, 30));
        metrics.answered(ok(MODEL, 8, 4));
        metrics.answered(ok("not-in-the-catalogue", 1, 1));

        assertThat(metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "prompt")).isEqualTo(20);
        assertThat(metrics.count(MockMetrics.TOKENS, "model", MODEL, "type", "completion")).isEqualTo(34);
        assertThat(metrics.count(MockMetrics.TOKENS, "model", MockMetrics.UNKNOWN_MODEL)).isEqualTo(2);
    }

    @Test
    void timesTheFirstByteByKindAndTheStreamsDuration() {
        metrics.firstByte(true, TimeUnit.MILLISECONDS.toNanos(300));
        metrics.firstByte(false, TimeUnit.MILLISECONDS.toNanos(2));
        metrics.streamEnded(TimeUnit.MILLISECONDS.toNanos(1_500));
        metrics.streamRefused();

        assertThat(metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "true")).isEqualTo(1);
        assertThat(metrics.count(MockMetrics.TIME_TO_FIRST_TOKEN, "stream", "false")).isEqualTo(1);
        assertThat(metrics.registry().get(MockMetrics.TIME_TO_FIRST_TOKEN).tag("stream", "true").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(metrics.registry().get(MockMetrics.STREAM_DURATION).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(1_500);
        assertThat(metrics.count(MockMetrics.REFUSED_STREAMS)).isEqualTo(1);

        String text = metrics.scrape();
        // 1.5 s falls in the 2.5 s bucket, not in the 1 s one
        assertThat(text).contains("friendli_mock_stream_duration_seconds_bucket{le=\"1.0\"} 0")
                .contains("friendli_mock_stream_duration_seconds_bucket{le=\"2.5\"} 1")
                .contains("friendli_mock_time_to_first_token_seconds_bucket{stream=\"true\",le=\"0.25\"} 0")
                .contains("friendli_mock_time_to_first_token_seconds_bucket{stream=\"true\",le=\"0.5\"} 1")
                .contains("friendli_mock_streams_refused_total 1.0");
    }

    @Test
    void theOpenStreamsGaugeIsReadWhenScraped() {
        open.set(3);
        assertThat(metrics.scrape()).contains("# TYPE friendli_mock_streams_open gauge")
                .contains("friendli_mock_streams_open 3.0");
        open.set(0);
        assertThat(metrics.scrape()).contains("friendli_mock_streams_open 0.0");
    }

    @Test
    void scrapesThePrometheusNamesWithHelpAndType() {
        metrics.answered(new Answered(CHAT, 422, MODEL, false, List.of("VAL-RANGE"), List.of("skip_validation"),
                0, 0));
        String text = metrics.scrape();
        assertThat(text).contains("# TYPE friendli_mock_requests_total counter")
                .contains("friendli_mock_requests_total{model=\"" + MODEL + "\",route=\"" + CHAT
                        + "\",status=\"422\",stream=\"false\"} 1.0")
                .contains("friendli_mock_violations_total{rule=\"VAL-RANGE\"} 1.0")
                .contains("friendli_mock_faults_total{type=\"skip_validation\"} 1.0")
                .contains("# HELP friendli_mock_violations_total ");
    }

    @Test
    void countRefusesAnOddListOfLabels() {
        assertThatThrownBy(() -> metrics.count(MockMetrics.REQUESTS, "status"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    }
}
