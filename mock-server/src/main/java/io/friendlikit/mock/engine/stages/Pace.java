package io.friendlikit.mock.engine.stages;

import com.fasterxml.jackson.databind.JsonNode;
import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.script.Fault;

/**
 * Phase "pacing": the delays of the answer (configured, or a latency fault's), and the request's
 * {@code timeout_microseconds}: an answer that would take longer is a timeout error, due when the timeout is.
 */
final class Pace implements Stage {

    private final Pacing configured;

    Pace(Pacing configured) {
        this.configured = configured;
    }

    @Override
    public String name() {
        return "pace";
    }

    @Override
    public Verdict run(ExchangeState state) {
        Pacing pacing = configured;
        for (Fault f : state.faults(Fault.Phase.PACING)) {
            pacing = f.pacing(pacing);
        }
        state.pacing = pacing;
        JsonNode timeout = state.body().json().get("timeout_microseconds");
        if (timeout != null && timeout.canConvertToLong() && timeout.asLong() > 0) {
            long needMs = pacing.firstTokenMs() + (state.request.stream()
                    ? pacing.interTokenMs() * Math.max(0, state.generation.completionTokens() - 1) : 0);
            long timeoutMs = timeout.asLong() / 1000;
            if (needMs > timeoutMs) {
                return Verdict.failAfter(ApiError.timedOut(timeout.asLong(), needMs), timeoutMs);
            }
        }
        return Verdict.CONTINUE;
    }
}
