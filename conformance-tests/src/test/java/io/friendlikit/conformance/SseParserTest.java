package io.friendlikit.conformance;

import io.friendlikit.conformance.sse.SseEvent;
import io.friendlikit.conformance.sse.SseParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add, () -> Duration.ZERO);

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    private List<String> data() {
        return events.stream().map(SseEvent::data).toList();
    }

    @Test
    void everyLineEndingEndsALine() {
        feed("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\n\r\n");
        assertThat(data()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void crAtTheEndOfOneReadAndLfAtTheStartOfTheNextAreOneLineEnd() {
        feed("data: a\r");
        feed("\n\r");
        feed("\n");
        assertThat(data()).containsExactly("a");
    }

    @Test
    void onlyOneLeadingSpaceIsStrippedAndNoneIsRequired() {
        feed("data:x\n\ndata:  y\n\n");
        assertThat(data()).containsExactly("x", " y");
    }

    @Test
    void multiLineDataIsJoinedWithLineFeeds() {
        feed("data: first\ndata\ndata: third\n\n");
        assertThat(data()).containsExactly("first\n\nthird");
    }

    @Test
    void commentsAreKeptApartAndDoNotDispatch() {
        feed(": keep-alive\n\n:x\ndata: a\n\n");
        assertThat(data()).containsExactly("a");
        assertThat(parser.comments()).containsExactly(" keep-alive", "x");
    }

    @Test
    void eventTypeIdAndFieldsAreRecorded() {
        feed("event: token\nid: 7\ndata: a\n\ndata: b\n\n");
        assertThat(events.get(0).type()).isEqualTo("token");
        assertThat(events.get(0).fields()).containsExactly("event", "id", "data");
        assertThat(events.get(1).type()).isEqualTo("message");
        assertThat(events.get(1).lastEventId()).isEqualTo("7");
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        feed("event: ping\n\nretry: 1500\n\n");
        assertThat(events).isEmpty();
        assertThat(parser.retryMillis()).isEqualTo(1500L);
    }

    @Test
    void anUnterminatedEventAtTheEndIsDiscarded() {
        feed("data: a\n\ndata: [DONE]");
        parser.finish();
        assertThat(data()).containsExactly("a");
        assertThat(parser.discardedAtEnd()).isEqualTo(1);
    }

    @Test
    void aLeadingByteOrderMarkIsIgnoredAndUtf8SplitAcrossReadsIsDecoded() {
        byte[] bytes = "\uFEFFdata: caf\u00e9\n\n".getBytes(StandardCharsets.UTF_8);
        int split = bytes.length - 3;
        parser.feed(bytes, 0, split);
        parser.feed(bytes, split, bytes.length - split);
        assertThat(data()).containsExactly("caf\u00e9");
    }
}
