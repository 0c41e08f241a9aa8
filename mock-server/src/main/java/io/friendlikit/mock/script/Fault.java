package io.friendlikit.mock.script;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The closed set of faults a user can inject through {@code POST /__admin/faults}. Each variant acts at exactly
 * one {@link Phase} of an exchange and overrides the hook of that phase; the other hooks leave it untouched. The
 * registry hands a fault to an exchange only when that exchange reaches the fault's phase.
 */
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
        END_OF_STREAM("end of stream");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The name of the phase in mock-server/ADMIN-API.md. */
        public String label() {
            return label;
        }
    }

    /** The {@code type} member of the admin JSON. */
    String type();

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

    /** Answers with an HTTP error before any processing. */
    record HttpError(int status, String message, Integer retryAfterSeconds) implements Fault {
        public String type() {
            return "http_error";
        }

        public Phase phase() {
            return Phase.BEFORE_HEADERS;
        }

        public Optional<ApiError> beforeHeaders() {
            return Optional.of(ApiError.injected(status, message, retryAfterSeconds));
        }
    }

    /** Slows the answer down. */
    record Latency(long firstTokenMs, long interTokenMs) implements Fault {
        public String type() {
            return "latency";
        }

        public Phase phase() {
            return Phase.PACING;
        }

        public Pacing pacing(Pacing configured) {
            return new Pacing(firstTokenMs, interTokenMs);
        }
    }

    /** Ends the stream without {@code data: [DONE]}. */
    record DropDone() implements Fault {
        public String type() {
            return "drop_done";
        }

        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withoutDone();
        }
    }

    /** Closes the connection abruptly after some chunks. */
    record Disconnect(int afterChunks) implements Fault {
        public String type() {
            return "disconnect";
        }

        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            return plan.withDisconnectAfter(afterChunks);
        }
    }

    /** Sends {@code data: {"error": {...}}} after some chunks and ends the stream. */
    record StreamError(int afterChunks, String message) implements Fault {
        public String type() {
            return "stream_error";
        }

        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            String text = message == null || message.isEmpty() ? "injected fault: error during the stream" : message;
            return plan.withErrorAfter(afterChunks, errorEvent.apply(ApiError.injected(500, text, null)));
        }
    }

    /** Reports total_tokens = prompt + completion + delta. */
    record WrongUsageTotal(int delta) implements Fault {
        public String type() {
            return "wrong_usage_total";
        }

        public Phase phase() {
            return Phase.USAGE;
        }

        public Usage usage(Usage computed) {
            return new Usage(computed.promptTokens(), computed.completionTokens(), computed.totalTokens() + delta);
        }
    }

    /** Accepts any request that parses as JSON, out-of-range values included. */
    record SkipValidation() implements Fault {
        public String type() {
            return "skip_validation";
        }

        public Phase phase() {
            return Phase.VALIDATION;
        }

        public boolean skipsValidation() {
            return true;
        }
    }

    /** Writes chunk number {@code chunk} (1-based) as invalid JSON. */
    record MalformedChunk(int chunk) implements Fault {
        public String type() {
            return "malformed_chunk";
        }

        public Phase phase() {
            return Phase.FRAMES;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            List<String> payloads = new ArrayList<>(plan.payloads());
            int i = chunk - 1;
            if (i >= 0 && i < payloads.size()) {
                String p = payloads.get(i);
                payloads.set(i, p.substring(0, Math.max(1, p.length() / 2)));
            }
            return plan.withPayloads(payloads);
        }
    }

    /** Gives every chunk of a stream its own id. */
    record MixedIds() implements Fault {
        public String type() {
            return "mixed_ids";
        }

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
    record MissingRole() implements Fault {
        public String type() {
            return "missing_role";
        }

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
    record DataAfterDone() implements Fault {
        public String type() {
            return "data_after_done";
        }

        public Phase phase() {
            return Phase.END_OF_STREAM;
        }

        public StreamPlan stream(StreamPlan plan, Function<ApiError, String> errorEvent) {
            List<String> extra = plan.payloads().isEmpty() ? List.of("{}") : List.of(plan.payloads().get(0));
            return plan.withAfterDone(extra);
        }
    }

    /** The type names accepted by {@link #fromJson(JsonNode)}. */
    List<String> TYPES = List.of("http_error", "latency", "drop_done", "disconnect", "stream_error",
            "wrong_usage_total", "skip_validation", "malformed_chunk", "mixed_ids", "missing_role",
            "data_after_done");

    /**
     * Parses an admin fault definition.
     *
     * @throws IllegalArgumentException with a message naming the member and the rule
     */
    static Fault fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a fault must be a JSON object with a 'type'");
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "http_error" -> new HttpError(intIn(node, "status", 400, 599, 503),
                    node.path("message").asText("injected fault: HTTP error"),
                    node.hasNonNull("retryAfterSeconds") ? intIn(node, "retryAfterSeconds", 0, 86_400, 0) : null);
            case "latency" -> new Latency(intIn(node, "firstTokenMs", 0, 600_000, 0),
                    intIn(node, "interTokenMs", 0, 60_000, 0));
            case "drop_done" -> new DropDone();
            case "disconnect" -> new Disconnect(intIn(node, "afterChunks", 0, 1_000_000, 1));
            case "stream_error" -> new StreamError(intIn(node, "afterChunks", 0, 1_000_000, 1),
                    node.path("message").asText("injected fault: error during the stream"));
            case "wrong_usage_total" -> new WrongUsageTotal(intIn(node, "delta", -1_000_000, 1_000_000, 1));
            case "skip_validation" -> new SkipValidation();
            case "malformed_chunk" -> new MalformedChunk(intIn(node, "chunk", 1, 1_000_000, 1));
            case "mixed_ids" -> new MixedIds();
            case "missing_role" -> new MissingRole();
            case "data_after_done" -> new DataAfterDone();
            default -> throw new IllegalArgumentException(
                    "type: unknown fault type '" + type + "'; one of " + String.join(", ", TYPES));
        };
    }

    private static int intIn(JsonNode node, String field, int min, int max, int dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException(field + ": must be an integer in [" + min + ", " + max + "], got "
                    + v);
        }
        return v.asInt();
    }
}
