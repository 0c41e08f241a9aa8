package io.friendlikit.mock.script;

import io.friendlikit.mock.delivery.TimingModel;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.generation.CannedReply;

import java.util.List;
import java.util.Objects;

/**
 * What a scenario answers with: a scripted reply (run through the generation pipeline) or an error, plus faults
 * that act on this exchange only (of the phases after generation: pacing, usage, chunks, frames, end of stream).
 *
 * @param reply  the reply, or null when {@code error} answers
 * @param error  the error answered instead of a reply, or null
 * @param faults faults applied to this exchange, in order, after the ones registered through the admin API
 * @param timing the delays of this exchange instead of the server's timing model (its load factor still applies);
 *               null: the server's. A latency fault replaces it, as it replaces the server's
 */
public record Answer(CannedReply reply, ApiError error, List<Fault> faults, TimingModel timing) {

    public Answer {
        faults = List.copyOf(faults);
        if ((reply == null) == (error == null)) {
            throw new IllegalArgumentException("an answer is a reply or an error");
        }
        for (Fault f : faults) {
            Objects.requireNonNull(f, "fault");
            if (f.phase().compareTo(Fault.Phase.PACING) < 0) {
                throw new IllegalArgumentException("a scenario's fault acts after the answer is chosen; "
                        + f.type() + " acts earlier");
            }
        }
        if (timing != null && error != null) {
            throw new IllegalArgumentException("an error answer is not paced by a scenario");
        }
    }

    /** With the server's timing. */
    public Answer(CannedReply reply, ApiError error, List<Fault> faults) {
        this(reply, error, faults, null);
    }

    /** A plain scripted reply. */
    public static Answer of(CannedReply reply) {
        return new Answer(reply, null, List.of());
    }
}
