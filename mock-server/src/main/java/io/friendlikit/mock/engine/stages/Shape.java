package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.friendlikit.mock.config.MockConfig;
import io.friendlikit.mock.delivery.Delivery;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamPlan;
import io.friendlikit.mock.engine.AnswerBuilder;
import io.friendlikit.mock.engine.ChunkList;
import io.friendlikit.mock.engine.IdSource;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.errors.ErrorRenderer;
import io.friendlikit.mock.generation.Generation;
import io.friendlikit.mock.script.Fault;
import io.friendlikit.mock.wire.ChatChunk;
import io.friendlikit.mock.wire.ChatRequest;
import io.friendlikit.mock.wire.Usage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The answer in its final form: the plain JSON body, or a stream plan whose frames are rendered when each is
 * due, on the schedule of the answer's pacing (the error event of a stream_error fault is rendered here). Phases
 * "usage" (when usage is reported), then for a stream "chunks", "frames" and "end of stream", for a plain answer
 * "plain body", and for both "delivery".
 */
final class Shape implements Stage {

    /** Most chunks one stream may have. */
    static final int STREAM_CHUNK_LIMIT = 65_536;

    private final MockConfig config;
    private final ObjectMapper mapper;
    private final IdSource ids;
    private final AnswerBuilder answers = new AnswerBuilder();
    private final ChunkWriter chunkWriter;
    private final Function<ApiError, String> errorEvent;

    Shape(MockConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.ids = new IdSource(config.seed());
        this.chunkWriter = new ChunkWriter(mapper);
        ErrorRenderer renderer = new ErrorRenderer(mapper, config.errorEnvelope());
        this.errorEvent = error -> new String(renderer.renderStreamEvent(error), StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "shape";
    }

    @Override
    public Verdict run(ExchangeState state) {
        ChatRequest request = state.request;
        Generation generation = state.generation;
        AnswerBuilder.Meta meta = new AnswerBuilder.Meta(ids.completionId(state.exchange().body(),
                request.seeds() != null), config.clock().instant().getEpochSecond(), request.model(),
                request.logprobs());
        try {
            if (!request.stream()) {
                byte[] json = mapper.writeValueAsBytes(answers.plain(generation, meta, usage(state, generation)));
                Delivery delivery = Delivery.NONE;
                for (Fault f : state.faults(Fault.Phase.PLAIN_BODY)) {
                    delivery = f.delivery(delivery);
                }
                state.answer = new Outcome.Plain(json, state.pacing, delivered(state, delivery));
                return Verdict.CONTINUE;
            }
            boolean withUsage = request.includeUsage() || config.usageChunkAlways();
            long chunkCount = answers.chunkCount(generation) + (withUsage ? 1 : 0);
            if (chunkCount > STREAM_CHUNK_LIMIT) {
                return Verdict.fail(ApiError.streamLimit(chunkCount, STREAM_CHUNK_LIMIT));
            }
            List<ChatChunk> built = answers.chunks(generation, meta, withUsage ? usage(state, generation) : null);
            Pacing.Schedule schedule = state.pacing.schedule(built.size());
            List<ChatChunk> chunks = sampledAt(built, state.pacing, schedule);
            for (Fault f : state.faults(Fault.Phase.CHUNKS)) {
                chunks = f.chunks(chunks);
            }
            StreamPlan plan = StreamPlan.of(chunkWriter.write(chunks), schedule);
            for (Fault f : state.faults(Fault.Phase.FRAMES)) {
                plan = f.stream(plan, errorEvent);
            }
            for (Fault f : state.faults(Fault.Phase.END_OF_STREAM)) {
                plan = f.stream(plan, errorEvent);
            }
            state.answer = new Outcome.Stream(plan, state.pacing, delivered(state, Delivery.NONE));
            return Verdict.CONTINUE;
        } catch (JsonProcessingException e) {
            return Verdict.fail(ApiError.internal("cannot serialize the answer: " + e.getOriginalMessage()));
        }
    }

    /** Phase "delivery", reached by every answer shaped here. */
    private static Delivery delivered(ExchangeState state, Delivery delivery) {
        for (Fault f : state.faults(Fault.Phase.DELIVERY)) {
            delivery = f.delivery(delivery);
        }
        return delivery;
    }

    private static Usage usage(ExchangeState state, Generation generation) {
        int prompt = generation.promptTokens();
        int completion = generation.completionTokens();
        if (state.reportedUsage != null) {
            prompt = state.reportedUsage.promptTokens() == null ? prompt : state.reportedUsage.promptTokens();
            completion = state.reportedUsage.completionTokens() == null ? completion
                    : state.reportedUsage.completionTokens();
        }
        Usage usage = new Usage(prompt, completion, prompt + completion);
        for (Fault f : state.faults(Fault.Phase.USAGE)) {
            usage = f.usage(usage);
        }
        return usage;
    }

    /**
     * Gives each chunk the second it will be written at under the pacing (docs/api-notes.md §9.2: {@code created}
     * is when the token was sampled, so it advances during a slow stream). Unpaced streams keep one timestamp.
     */
    static List<ChatChunk> sampledAt(List<ChatChunk> chunks, Pacing pacing, Pacing.Schedule schedule) {
        if (!pacing.paced()) {
            return chunks;
        }
        return ChunkList.mapped(chunks, (i, c) -> new ChatChunk(c.id(), c.object(),
                c.created() + schedule.dueMs(i) / 1000, c.model(), c.choices(), c.usage()));
    }
}
