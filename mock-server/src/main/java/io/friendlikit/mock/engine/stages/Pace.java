package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Fault;

import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Phase "pacing": the delays of the answer (from the server's timing model or the scenario's, under the server's
 * load factor either way; a latency fault's replace both), and the request's
 * {@code timeout_microseconds}: an answer that would take longer is a timeout error, due when the timeout is.
 */
final class Pace implements Stage {

    private final TimingModel timing;
    private final IntSupplier openStreams;
    private final long serverSeed;

    /**
     * @param openStreams streams open right now, for the model's load factor
     * @param serverSeed  mixed with the body into the seed of the jitter, so the same request gets the same delays
     */
    Pace(TimingModel timing, IntSupplier openStreams, long serverSeed) {
        this.timing = timing;
        this.openStreams = openStreams;
        this.serverSeed = serverSeed;
    }

    @Override
    public String name() {
        return "pace";
    }

    @Override
    public Verdict run(ExchangeState state) {
        long seed = serverSeed * 0x9E3779B97F4A7C15L + Arrays.hashCode(state.exchange().body());
        TimingModel model = state.scriptedTiming == null ? timing : state.scriptedTiming.underLoadOf(timing);
        Pacing pacing = model.pacing(state.promptTokens, openStreams.getAsInt(), seed);
        for (Fault f : state.faults(Fault.Phase.PACING)) {
            pacing = f.pacing(pacing);
        }
        state.pacing = pacing;
        JsonNode timeout = state.body().json().get("timeout_microseconds");
        if (timeout != null && timeout.canConvertToLong() && timeout.asLong() > 0) {
            int frames = Math.max(1, state.generation.completionTokens());
            long needMs = state.request.stream() ? pacing.schedule(frames).dueMs(frames - 1) : pacing.firstTokenMs();
            long timeoutMs = timeout.asLong() / 1000;
            if (needMs > timeoutMs) {
                return Verdict.failAfter(ApiError.timedOut(timeout.asLong(), needMs), timeoutMs);
            }
        }
        return Verdict.CONTINUE;
    }
}
