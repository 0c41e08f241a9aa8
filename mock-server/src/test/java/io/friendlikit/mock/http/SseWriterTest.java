package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.StreamPlan;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of the frame encoding and of how a plan becomes writes. */
class SseWriterTest {

    private static String text(ByteBuffer frame) {
        ByteBuffer copy = frame.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String render(List<SseWriter.Step> steps) {
        StringBuilder sb = new StringBuilder();
        for (SseWriter.Step s : steps) {
            sb.append(s.disconnect() ? "<disconnect>" : text(s.frame()));
        }
        return sb.toString();
    }

    @Test
    void frameIsDataLineAndBlankLineInUtf8() {
        ByteBuffer frame = SseWriter.frame("{\"content\":\"héllo 世界\"}");
        assertThat(text(frame)).isEqualTo("data: {\"content\":\"héllo 世界\"}\n\n");
        assertThat(frame.remaining()).isEqualTo("data: {\"content\":\"héllo 世界\"}\n\n".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void normalPlanEndsWithDoneAndNothingAfter() {
        List<SseWriter.Step> steps = SseWriter.steps(StreamPlan.of(List.of("{\"a\":1}", "{\"b\":2}")));
        assertThat(render(steps)).isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
        assertThat(steps.get(0).delayed()).as("chunks are paced").isTrue();
        assertThat(steps.get(2).delayed()).as("[DONE] follows the last chunk at once").isFalse();
    }

    @Test
    void planWithoutDoneStopsAfterTheChunks() {
        String out = render(SseWriter.steps(StreamPlan.of(List.of("{}")).withoutDone()));
        assertThat(out).isEqualTo("data: {}\n\n");
    }

    @Test
    void errorAfterReplacesTheRest() {
        String out = render(SseWriter.steps(StreamPlan.of(List.of("{\"a\":1}", "{\"b\":2}"))
                .withErrorAfter(1, "{\"error\":{\"message\":\"boom\"}}")));
        assertThat(out).isEqualTo("data: {\"a\":1}\n\ndata: {\"error\":{\"message\":\"boom\"}}\n\n");
    }

    @Test
    void disconnectAfterDropsTheConnectionAtThatPoint() {
        String out = render(SseWriter.steps(StreamPlan.of(List.of("{\"a\":1}", "{\"b\":2}")).withDisconnectAfter(1)));
        assertThat(out).isEqualTo("data: {\"a\":1}\n\n<disconnect>");
    }

    @Test
    void afterDoneFramesFollowTheSentinel() {
        String out = render(SseWriter.steps(StreamPlan.of(List.of("{}")).withAfterDone(List.of("{\"late\":1}"))));
        assertThat(out).isEqualTo("data: {}\n\ndata: [DONE]\n\ndata: {\"late\":1}\n\n");
    }
}
