package io.friendlikit.mock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Streaming per docs/api-notes.md §9, through HTTP with the exact bytes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingAcceptanceTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private TestServer mock;

    @BeforeAll
    void start() {
        mock = new TestServer(MockServer.builder().seed(3));
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.server().reset();
    }

    private List<JsonNode> chunks(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        List<String> payloads = SseFrames.payloads(response.body());
        assertThat(payloads).isNotEmpty();
        assertThat(payloads.get(payloads.size() - 1)).as("last frame").isEqualTo("[DONE]");
        assertThat(payloads.subList(0, payloads.size() - 1)).as("[DONE] appears once, last").doesNotContain("[DONE]");
        List<JsonNode> out = new ArrayList<>();
        for (String p : payloads.subList(0, payloads.size() - 1)) {
            assertThat(p).as("compact JSON").doesNotContain("\n").doesNotStartWith(" ");
            out.add(mapper.readTree(p));
        }
        return out;
    }

    @Test
    void framingRoleFirstOneIdFinishOnceDoneLast() throws Exception {
        List<JsonNode> chunks = chunks(mock.rawPost(CHAT, body("\"stream\":true,\"n\":3,\"seed\":5")));
        Set<String> ids = new HashSet<>();
        Map<Integer, Integer> finishes = new HashMap<>();
        Map<Integer, Boolean> seen = new HashMap<>();
        for (JsonNode c : chunks) {
            ids.add(c.get("id").asText());
            assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.has("usage")).as("usage member present (null)").isTrue();
            assertThat(c.get("usage").isNull()).as("no usage chunk unless asked").isTrue();
            for (JsonNode choice : c.get("choices")) {
                int index = choice.get("index").asInt();
                if (!seen.containsKey(index)) {
                    assertThat(choice.path("delta").path("role").asText()).as("first delta of choice %d", index)
                            .isEqualTo("assistant");
                    seen.put(index, true);
                } else {
                    assertThat(choice.path("delta").has("role")).isFalse();
                }
                if (!choice.get("finish_reason").isNull()) {
                    finishes.merge(index, 1, Integer::sum);
                    assertThat(choice.get("delta").size()).as("finishing delta is empty").isZero();
                } else {
                    assertThat(finishes).as("nothing after choice %d finished", index).doesNotContainKey(index);
                }
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(ids.iterator().next()).matches("chatcmpl-[0-9a-f]{32}");
        assertThat(finishes).containsOnlyKeys(0, 1, 2).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    }

    @Test
    void concatenatedStreamEqualsPlainAnswerAndUsageAgrees() throws Exception {
        String plainBody = body("\"seed\":11,\"n\":2,\"max_tokens\":40");
        JsonNode plain = mapper.readTree(mock.rawPost(CHAT, plainBody).body());
        String streamBody = body("\"seed\":11,\"n\":2,\"max_tokens\":40,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}");
        List<JsonNode> chunks = chunks(mock.rawPost(CHAT, streamBody));
        Map<Integer, StringBuilder> text = new HashMap<>();
        Map<Integer, String> finish = new HashMap<>();
        JsonNode usage = null;
        for (JsonNode c : chunks) {
            if (!c.get("usage").isNull()) {
                assertThat(c.get("choices")).as("usage chunk has choices []").isEmpty();
                assertThat(usage).as("one usage chunk").isNull();
                usage = c.get("usage");
                continue;
            }
            assertThat(usage).as("usage chunk is the last chunk").isNull();
            for (JsonNode choice : c.get("choices")) {
                int i = choice.get("index").asInt();
                text.computeIfAbsent(i, k -> new StringBuilder()).append(choice.path("delta").path("content").asText(""));
                if (!choice.get("finish_reason").isNull()) {
                    finish.put(i, choice.get("finish_reason").asText());
                }
            }
        }
        for (JsonNode choice : plain.get("choices")) {
            int i = choice.get("index").asInt();
            assertThat(text.get(i).toString()).isEqualTo(choice.path("message").path("content").asText());
            assertThat(finish.get(i)).isEqualTo(choice.get("finish_reason").asText());
        }
        assertThat(usage).isEqualTo(plain.get("usage"));
    }

    @Test
    void usageChunkCanBeConfiguredToAlwaysAppear() throws Exception {
        try (TestServer always = new TestServer(MockServer.builder().usageChunkAlways(true))) {
            List<JsonNode> chunks = chunks(always.rawPost(CHAT, body("\"stream\":true")));
            JsonNode last = chunks.get(chunks.size() - 1);
            assertThat(last.get("choices")).isEmpty();
            assertThat(last.path("usage").path("total_tokens").asInt()).isPositive();
        }
    }

    @Test
    void createdAdvancesWithThePacingOfAStream() throws Exception {
        try (TestServer slow = new TestServer(MockServer.builder().pacing(0, 250)
                .clock(io.friendlikit.mock.config.MockConfig.fixedClock(1_735_722_000L)))) {
            List<JsonNode> chunks = chunks(slow.rawPost(CHAT, body("\"stream\":true,\"max_tokens\":9,\"seed\":2")));
            assertThat(chunks.get(0).get("created").asLong()).isEqualTo(1_735_722_000L);
            assertThat(chunks.get(chunks.size() - 1).get("created").asLong())
                    .as("the last of %d chunks, 250 ms apart", chunks.size())
                    .isEqualTo(1_735_722_000L + 250L * (chunks.size() - 1) / 1000);
        }
    }

    @Test
    void pacedStreamArrivesOverTime() throws Exception {
        try (TestServer slow = new TestServer(MockServer.builder().pacing(150, 20))) {
            long start = System.nanoTime();
            List<JsonNode> chunks = chunks(slow.rawPost(CHAT, body("\"stream\":true,\"max_tokens\":5,\"seed\":1")));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).as("first-token delay plus inter-token delays")
                    .isGreaterThanOrEqualTo(150 + 20L * (chunks.size() - 2));
        }
    }
}
