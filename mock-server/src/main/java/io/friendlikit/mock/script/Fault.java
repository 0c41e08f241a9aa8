package io.friendlikit.mock.script;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.friendlikit.mock.delivery.Delivery;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.Usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The closed set of faults a user can inject through {@code POST /__admin/faults}. Each variant acts at exactly
 * one {@link Phase} of an exchange and overrides the hook of that phase; the other hooks leave it untouched. The
 * registry hands a fault to an exchange only when that exchange reaches the fault's phase.
 *
 * <p>The admin JSON of a fault is its record components in camelCase plus {@code type}, the variant's
 * {@link JsonTypeName}; Jackson binds it to the variant named there. Left-out members take the defaults and
 * values out of range are refused ({@link InvalidMember}) by the variants' constructors. Beside them, every fault
 * takes {@code times}, {@code probability} and {@code seed}, which belong to its registration, not to the variant
 * ({@link FaultRegistry}, {@link Chance}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Fault.HttpError.class),
        @JsonSubTypes.Type(Fault.Latency.class),
        @JsonSubTypes.Type(Fault.DropDone.class),
        @JsonSubTypes.Type(Fault.Disconnect.class),
        @JsonSubTypes.Type(Fault.StreamError.class),
        @JsonSubTypes.Type(Fault.WrongUsageTotal.class),
        @JsonSubTypes.Type(Fault.SkipValidation.class),
        @JsonSubTypes.Type(Fault.MalformedChunk.class),
        @JsonSubTypes.Type(Fault.MixedIds.class),
        @JsonSubTypes.Type(Fault.MissingRole.class),
        @JsonSubTypes.Type(Fault.DataAfterDone.class),
        @JsonSubTypes.Type(Fault.RateLimit.class),
        @JsonSubTypes.Type(Fault.Stall.class),
        @JsonSubTypes.Type(Fault.Trickle.class)})
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Fault {

    /** Where in an exchange a fault acts, in the order an exchange reaches them. */
    enum Phase {
        /** Before anything else, auth included: hook {@link #beforeHeaders()}. */
        BEFORE_HEADERS("before headers"),
        /** When the body is validated: hook {@link #skipsValidation()}. */
        VALIDATION("validation"),
        /** When a generated answer gets its timing: hook {@link #pacing(Pacing)}. */
        PACING("pacing"),
        /** When usage is reported (a plain answer, or a stream with a usage chunk): hook {@link #usage(Usage)}. */
        USAGE("usage"),
        /** When the chunk objects of a stream are built: hook {@link #chunks(List)}. */
        CHUNKS("chunks"),
        /** When a stream's frames are rendered: hook {@link #stream(StreamPlan, Function)}. */
        FRAMES("frames"),
        /** When a stream's ending is planned: hook {@link #stream(StreamPlan, Function)}. */
        END_OF_STREAM("end of stream"),
        /** When a plain 200 body is handed to the writer (streams do not reach it): hook {@link #delivery(Delivery)}. */
        PLAIN_BODY("plain body"),
        /** When any 200 answer, plain or stream, is handed to the writer: hook {@link #delivery(Delivery)}. */
        DELIVERY("delivery");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The name of the phase in mock-server/ADMIN-API.md. */
        public String label() {
            return label;
        }
    }

    /** The {@code type} member of the admin JSON: the name each variant declares in its {@link JsonTypeName}. */
    default String type() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** The one phase this fault acts at. */
    Phase phase();

    /** Phase "before headers": answer with this error instead of processing the request. */
    default Optional<ApiError> beforeHeaders() {
        return Optional.empty();
    }

    /** Phase "validation": true switches request validation off (out-of-range values are accepted). */
    default boolean skipsValidation() {
        return false;
    }

    /** Pacing of the answer. */
    default Pacing pacing(Pacing configured) {
        return configured;
    }

    /** Usage reported in the plain answer and the usage chunk. */
    default Usage usage(Usage computed) {
        return computed;
    }

    /** The chunk objects of a stream, before serialization. */
    default List<ChatChunk> chunks(List<ChatChunk> chunks) {
        return chunks;
    }

    /**
     * The serialized stream and its ending.
     *
     * @param errorEvent renders an error as the payload of an error event in the stream
     */
    default StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
        return plan;
    }

    /** How an answer is written (stall, trickle) and the headers it carries. */
    default Delivery delivery(Delivery configured) {
        return configured;
    }

    /** Most milliseconds a {@code retryAfterMs} may ask for (a day). */
    int MAX_RETRY_AFTER_MS = 86_400_000;

    /**
     * The retry hints OpenAI SDKs read beside {@code Retry-After}: {@code retry-after-ms} (milliseconds) and
     * {@code x-should-retry} ({@code true} or {@code false}); each only when given.
     */
    static Map<String, String> retryHints(Integer retryAfterMs, Boolean shouldRetry) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (retryAfterMs != null) {
            headers.put("retry-after-ms", Integer.toString(retryAfterMs));
        }
        if (shouldRetry != null) {
            headers.put("x-should-retry", Boolean.toString(shouldRetry));
        }
        return headers;
    }

    /** Answers with an HTTP error before any processing. */
    @JsonTypeName("http_error")
    record HttpError(Integer status, String message, Integer retryAfterSeconds, Integer retryAfterMs,
                     Boolean shouldRetry) implements Fault {
        public Phase phase() {
            return Phase.BEFORE_HEADERS;
        }

        public HttpError {
            status = InvalidMember.inRange("status", status, 503, 400, 599);
            message = message == null ? "injected fault: HTTP error" : message;
            if (retryAfterSeconds != null) {
                InvalidMember.inRange("retryAfterSeconds", retryAfterSeconds, 0, 0, 86_400);
            }
            if (retryAfterMs != null) {
                InvalidMember.inRange("retryAfterMs", retryAfterMs, 0, 0, MAX_RETRY_AFTER_MS);
            }
        }

        /** Without the retry hints of OpenAI SDKs. */
        public HttpError(Integer status, String message, Integer retryAfterSeconds) {
            this(status, message, retryAfterSeconds, null, null);
        }

        public Optional<ApiError> beforeHeaders() {
            return Optional.of(ApiError.injected(status, message, retryAfterSeconds,
                    Fault.retryHints(retryAfterMs, shouldRetry)));
        }
    }

    /** Slows the answer down. */
    @JsonTypeName("latency")
    record Latency(Integer firstTokenMs, Integer interTokenMs) implements Fault {
        public Phase phase() {
            return Phase.PACING;
        }

        public Latency {
            firstTokenMs = InvalidMember.inRange("firstTokenMs", firstTokenMs, 0, 0, 600_000);
            interTokenMs = InvalidMember.inRange("interTokenMs", interTokenMs, 0, 0, 60_000);
        }

        public Pacing pacing(Pacing configured) {
            return new Pacing(firstTokenMs, interTokenMs);
        }
    }

    /** Ends the stream without {@code data: [DONE]}. */
    @JsonTypeName("drop_done")
    record DropDone() implements Fault {
        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withoutDone();
        }
    }

    /** Closes the connection abruptly after some chunks. */
    @JsonTypeName("disconnect")
    record Disconnect(Integer afterChunks) implements Fault {
        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public Disconnect {
            afterChunks = InvalidMember.inRange("afterChunks", afterChunks, 1, 0, 1_000_000);
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withDisconnectAfter(afterChunks);
        }
    }

    /** Sends {@code data: {"error": {...}}} after some chunks and ends the stream. */
    @JsonTypeName("stream_error")
    record StreamError(Integer afterChunks, String message) implements Fault {
        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamError {
            afterChunks = InvalidMember.inRange("afterChunks", afterChunks, 1, 0, 1_000_000);
            message = message == null || message.isEmpty() ? "injected fault: error during the stream" : message;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withErrorAfter(afterChunks, errorEvent.apply(ApiError.injected(500, message, null)));
        }
    }

    /** Reports total_tokens = prompt + completion + delta. */
    @JsonTypeName("wrong_usage_total")
    record WrongUsageTotal(Integer delta) implements Fault {
        public Phase phase() {
            return Phase.USAGE;
        }

        public WrongUsageTotal {
            delta = InvalidMember.inRange("delta", delta, 1, -1_000_000, 1_000_000);
        }

        public Usage usage(Usage computed) {
            return new Usage(computed.promptTokens(), computed.completionTokens(), computed.totalTokens() + delta);
        }
    }

    /** Accepts any request that parses as JSON, out-of-range values included. */
    @JsonTypeName("skip_validation")
    record SkipValidation() implements Fault {
        public Phase phase() {
            return Phase.VALIDATION;
        }

        public boolean skipsValidation() {
            return true;
        }
    }

    /** Writes chunk number {@code chunk} (1-based) as invalid JSON. */
    @JsonTypeName("malformed_chunk")
    record MalformedChunk(Integer chunk) implements Fault {
        public Phase phase() {
            return Phase.FRAMES;
        }

        public MalformedChunk {
            chunk = InvalidMember.inRange("chunk", chunk, 1, 1, 1_000_000);
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withPayload(chunk - 1, p -> p.substring(0, Math.max(1, p.length() / 2)));
        }
    }

    /** Gives every chunk of a stream its own id. */
    @JsonTypeName("mixed_ids")
    record MixedIds() implements Fault {
        public Phase phase() {
            return Phase.CHUNKS;
        }

        public List<ChatChunk> chunks(List<ChatChunk> chunks) {
            List<ChatChunk> out = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                ChatChunk c = chunks.get(i);
                String id = i == 0 ? c.id() : c.id().substring(0, c.id().length() - 4) + String.format("%04x", i);
                out.add(new ChatChunk(id, c.object(), c.created(), c.model(), c.choices(), c.usage()));
            }
            return out;
        }
    }

    /** Leaves {@code role} out of the first delta of every choice. */
    @JsonTypeName("missing_role")
    record MissingRole() implements Fault {
        public Phase phase() {
            return Phase.CHUNKS;
        }

        public List<ChatChunk> chunks(List<ChatChunk> chunks) {
            List<ChatChunk> out = new ArrayList<>();
            for (ChatChunk c : chunks) {
                List<ChatChunk.ChunkChoice> choices = new ArrayList<>();
                for (ChatChunk.ChunkChoice ch : c.choices()) {
                    ChatChunk.Delta d = ch.delta();
                    choices.add(new ChatChunk.ChunkChoice(ch.index(),
                            new ChatChunk.Delta(null, d.content(), d.reasoningContent(), d.toolCalls()),
                            ch.finishReason(), ch.logprobs()));
                }
                out.add(new ChatChunk(c.id(), c.object(), c.created(), c.model(), choices, c.usage()));
            }
            return out;
        }
    }

    /** Writes one more chunk after {@code data: [DONE]}. */
    @JsonTypeName("data_after_done")
    record DataAfterDone() implements Fault {
        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            List<String> extra = plan.payloads().isEmpty() ? List.of("{}") : List.of(plan.payloads().get(0));
            return plan.withAfterDone(extra);
        }
    }

    /**
     * Answers 429 as the requests-per-minute limiter does when a token's limit of {@code limit} is used up: the same
     * envelope, {@code Retry-After}, and the counters {@code x-ratelimit-limit-requests},
     * {@code x-ratelimit-remaining-requests: 0}, {@code x-ratelimit-reset-requests}; plus the retry hints if given.
     */
    @JsonTypeName("rate_limit")
    record RateLimit(Integer limit, Integer retryAfterSeconds, Integer retryAfterMs, Boolean shouldRetry)
            implements Fault {
        public Phase phase() {
            return Phase.BEFORE_HEADERS;
        }

        public RateLimit {
            limit = InvalidMember.inRange("limit", limit, 100, 1, 10_000_000);
            retryAfterSeconds = InvalidMember.inRange("retryAfterSeconds", retryAfterSeconds, 1, 0, 86_400);
            if (retryAfterMs != null) {
                InvalidMember.inRange("retryAfterMs", retryAfterMs, 0, 0, MAX_RETRY_AFTER_MS);
            }
        }

        public Optional<ApiError> beforeHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-ratelimit-limit-requests", Integer.toString(limit));
            headers.put("x-ratelimit-remaining-requests", "0");
            headers.put("x-ratelimit-reset-requests", retryAfterSeconds + "s");
            headers.putAll(Fault.retryHints(retryAfterMs, shouldRetry));
            return Optional.of(ApiError.scriptedRateLimit(limit, retryAfterSeconds, headers));
        }
    }

    /**
     * Writes the status and headers (a stream also its first {@code afterChunks} frames) and then nothing, until the
     * client gives up. No thread waits: the answer holds only a timer that looks for the client closing.
     */
    @JsonTypeName("stall")
    record Stall(Integer afterChunks) implements Fault {
        public Phase phase() {
            return Phase.DELIVERY;
        }

        public Stall {
            afterChunks = InvalidMember.inRange("afterChunks", afterChunks, 0, 0, 1_000_000);
        }

        public Delivery delivery(Delivery configured) {
            return configured.withStallAfter(afterChunks);
        }
    }

    /** Writes a plain body {@code bytesPerWrite} bytes at a time, {@code delayMs} apart, on a timer. */
    @JsonTypeName("trickle")
    record Trickle(Integer bytesPerWrite, Integer delayMs) implements Fault {
        public Phase phase() {
            return Phase.PLAIN_BODY;
        }

        public Trickle {
            bytesPerWrite = InvalidMember.inRange("bytesPerWrite", bytesPerWrite, 8, 1, 65_536);
            delayMs = InvalidMember.inRange("delayMs", delayMs, 50, 0, 60_000);
        }

        public Delivery delivery(Delivery configured) {
            return configured.withTrickle(bytesPerWrite, delayMs);
        }
    }
}
