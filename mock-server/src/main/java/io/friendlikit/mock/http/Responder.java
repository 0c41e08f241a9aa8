package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.StreamBudget;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.undertow.server.HttpServerExchange;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last stage of a chat exchange, "deliver": writes an {@link Outcome} with its pacing. Every kind waits
 * {@code firstTokenMs} before its first byte (an error, a plain body, or a stream's first frame), on the IO
 * thread's timer; a stream goes to the {@link SseWriter} at once, its frames due on the plan's schedule counted
 * from now. A stream needs a lease of the {@link StreamBudget} first (its share of the memory open streams
 * hold); without one it is answered 429 at once.
 */
final class Responder {

    private final Responses responses;
    private final StreamBudget budget;

    Responder(Responses responses, StreamBudget budget) {
        this.responses = responses;
        this.budget = budget;
    }

    void deliver(HttpServerExchange ex, Outcome outcome) {
        long start = System.nanoTime();
        Runnable write;
        if (outcome instanceof Outcome.Failure failure) {
            write = () -> responses.error(ex, failure.error());
        } else if (outcome instanceof Outcome.Plain plain) {
            write = () -> responses.json(ex, 200, plain.json());
        } else if (outcome instanceof Outcome.Stream stream) {
            Optional<StreamBudget.Lease> lease = budget.open(stream.plan().heldBytes());
            if (lease.isEmpty()) {
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            // The plan's schedule counts from now, the first-token delay included.
            SseWriter.start(ex, stream.plan(), start, lease.get()::close);
            return;
        } else {
            throw new IllegalStateException("unknown outcome " + outcome);
        }
        long delay = outcome.pacing().firstTokenMs();
        if (delay > 0) {
            ex.getIoThread().executeAfter(write, delay, TimeUnit.MILLISECONDS);
        } else {
            write.run();
        }
    }
}
