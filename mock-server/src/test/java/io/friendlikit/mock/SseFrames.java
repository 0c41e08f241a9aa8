package io.friendlikit.mock;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test support: splits an SSE body into its data payloads, asserting the exact framing of docs/api-notes.md §9.1. */
public final class SseFrames {

    private SseFrames() {
    }

    /** Every frame must be {@code data: <payload>\n\n}; nothing else may appear. */
    public static List<String> payloads(String body) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos < body.length()) {
            assertThat(body.startsWith("data: ", pos)).as("frame at byte %d starts with 'data: '", pos).isTrue();
            int end = body.indexOf("\n\n", pos);
            assertThat(end).as("frame at byte %d ends with a blank line", pos).isPositive();
            String payload = body.substring(pos + 6, end);
            assertThat(payload).as("a frame is a single line").doesNotContain("\n");
            out.add(payload);
            pos = end + 2;
        }
        return out;
    }
}
