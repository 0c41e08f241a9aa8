package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamBudget;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.metrics.ExchangeObserver;
import io.undertow.server.HttpServerExchange;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last stage of a chat exchange, "deliver": writes an {@link Outcome} with its pacing. Every kind waits
 * {@code firstTokenMs} before its first byte (an error, a plain body, or a stream's first frame), on the IO
 * thread's timer; a stream then goes to the {@link SseWriter} with the delay between frames. A stream needs a
 * lease of the {@link StreamBudget} first; without one it is answered 429 at once. The {@link ExchangeObserver} is
 * told when the first byte of a 200 answer goes out and when a stream ends or is refused.
 */
final class Responder {

    private final Responses responses;
    private final StreamBudget budget;
    private final ExchangeObserver observer;

    Responder(Responses responses, StreamBudget budget, ExchangeObserver observer) {
        this.responses = responses;
        this.budget = budget;
        this.observer = observer;
    }

    /** @param receivedNanos {@link System#nanoTime()} when the request arrived */
    void deliver(HttpServerExchange ex, Outcome outcome, long receivedNanos) {
        Runnable write;
        if (outcome instanceof Outcome.Failure failure) {
            write = () -> responses.error(ex, failure.error());
        } else if (outcome instanceof Outcome.Plain plain) {
            write = () -> {
                observer.firstByte(false, System.nanoTime() - receivedNanos);
                responses.json(ex, 200, plain.json());
            };
        } else if (outcome instanceof Outcome.Stream stream) {
            Optional<StreamBudget.Lease> lease = budget.open(stream.plan().heldBytes());
            if (lease.isEmpty()) {
                observer.streamRefused();
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            StreamBudget.Lease held = lease.get();
            // A client that leaves during the first-token delay gives its share back at once.
            ex.getConnection().addCloseListener(connection -> held.close());
            Pacing between = new Pacing(0, stream.pacing().interTokenMs());
            write = () -> {
                long firstFrame = System.nanoTime();
                observer.firstByte(true, firstFrame - receivedNanos);
                SseWriter.start(ex, stream.plan(), between, () -> {
                    held.close();
                    observer.streamEnded(System.nanoTime() - firstFrame);
                });
            };
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
