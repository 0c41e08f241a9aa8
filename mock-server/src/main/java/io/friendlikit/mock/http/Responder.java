package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamBudget;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.delivery.Delivery;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The last stage of a chat exchange, "deliver": writes an {@link Outcome} with its pacing. Every kind waits
 * {@code firstTokenMs} before its first byte (an error, a plain body, or a stream's first frame), on the IO
 * thread's timer; a stream then goes to the {@link SseWriter} with the delay between frames. A stream needs a
 * lease of the {@link StreamBudget} first; without one it is answered 429 at once. A plain answer under a
 * {@code stall} or {@code trickle} fault takes a lease too and goes to {@link Stall} or {@link Trickle}; the
 * {@link io.friendlikit.mock.delivery.Delivery} headers (rate-limit counters) go on every 200.
 */
final class Responder {

    private final Responses responses;
    private final StreamBudget budget;

    Responder(Responses responses, StreamBudget budget) {
        this.responses = responses;
        this.budget = budget;
    }

    void deliver(HttpServerExchange ex, Outcome outcome) {
        Runnable write;
        if (outcome instanceof Outcome.Failure failure) {
            write = () -> responses.error(ex, failure.error());
        } else if (outcome instanceof Outcome.Plain plain && (plain.delivery().stalls()
                || plain.delivery().trickles())) {
            Optional<StreamBudget.Lease> lease = budget.open(2L * plain.json().length);
            if (lease.isEmpty()) {
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            StreamBudget.Lease held = lease.get();
            ex.getConnection().addCloseListener(connection -> held.close());
            write = () -> slowPlain(ex, plain, held);
        } else if (outcome instanceof Outcome.Plain plain) {
            write = () -> {
                Responses.headers(ex, plain.delivery().headers());
                responses.json(ex, 200, plain.json());
            };
        } else if (outcome instanceof Outcome.Stream stream) {
            Optional<StreamBudget.Lease> lease = budget.open(stream.plan().heldBytes());
            if (lease.isEmpty()) {
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            StreamBudget.Lease held = lease.get();
            // A client that leaves during the first-token delay gives its share back at once.
            ex.getConnection().addCloseListener(connection -> held.close());
            Pacing between = new Pacing(0, stream.pacing().interTokenMs());
            Delivery delivery = stream.delivery();
            write = () -> {
                Responses.headers(ex, delivery.headers());
                SseWriter.start(ex, stream.plan(), between, delivery.stallAfterChunks(), held::close);
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

    /** A plain answer under a stall or trickle fault: a lease of the budget, like a stream, until it ends. */
    private static void slowPlain(HttpServerExchange ex, Outcome.Plain plain, StreamBudget.Lease held) {
        if (!ex.getConnection().isOpen()) {
            held.close();
            return;
        }
        Delivery delivery = plain.delivery();
        ex.setStatusCode(200);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, Responses.JSON);
        Responses.headers(ex, delivery.headers());
        if (delivery.stalls()) {
            ex.setResponseContentLength(plain.json().length);
            StreamSinkChannel channel = ex.getResponseChannel();
            try {
                channel.flush();
            } catch (IOException e) {
                IoUtils.safeClose(ex.getConnection());
                held.close();
                return;
            }
            Stall.hold(ex, held::close);
        } else {
            Trickle.start(ex, plain.json(), delivery.trickleBytes(), delivery.trickleDelayMs(), held::close);
        }
    }
}
