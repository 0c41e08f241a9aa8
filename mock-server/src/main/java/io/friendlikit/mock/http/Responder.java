package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.Delivery;
import io.friendlikit.mock.delivery.StreamBudget;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.metrics.ExchangeObserver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The last stage of a chat exchange, "deliver": writes an {@link Outcome} with its pacing. Every kind waits
 * {@code firstTokenMs} before its first byte (an error, a plain body, or a stream's first frame), on the IO
 * thread's timer; a stream then goes to the {@link SseWriter} with the delay between frames. A stream — or a plain
 * answer under a {@code stall} or {@code trickle} fault — needs a lease of the {@link StreamBudget} first; without
 * one it is answered 429 at once. How each delivery ended is reported once, with its duration since the request
 * arrived; the {@link ExchangeObserver} is told when the first byte of a 200 answer goes out and when a stream ends
 * or is refused.
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

    void deliver(HttpServerExchange ex, Outcome outcome) {
        deliver(ex, outcome, System.nanoTime(), end -> { });
    }

    /**
     * @param arrivedNanos {@link System#nanoTime()} when the request arrived
     * @param ended        told once how the delivery ended
     */
    void deliver(HttpServerExchange ex, Outcome outcome, long arrivedNanos, Consumer<StreamEnd> ended) {
        AtomicBoolean reported = new AtomicBoolean();
        Consumer<StreamEnd> report = end -> {
            if (reported.compareAndSet(false, true)) {
                ended.accept(end.took((System.nanoTime() - arrivedNanos) / 1_000_000));
            }
        };
        Runnable write;
        if (outcome instanceof Outcome.Failure failure) {
            write = () -> whole(ex, report, () -> responses.error(ex, failure.error()));
        } else if (outcome instanceof Outcome.Raw raw) {
            write = () -> whole(ex, report, () -> {
                if (raw.status() == 200) {
                    observer.firstByte(false, System.nanoTime() - arrivedNanos);
                }
                Responses.headers(ex, raw.headers());
                responses.raw(ex, raw.status(), raw.contentType(), raw.body());
            });
        } else if (outcome instanceof Outcome.Plain plain && (plain.delivery().stalls()
                || plain.delivery().trickles())) {
            Optional<StreamBudget.Lease> lease = budget.open(2L * plain.json().length);
            if (lease.isEmpty()) {
                report.accept(StreamEnd.busy());
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            StreamBudget.Lease held = lease.get();
            ex.getConnection().addCloseListener(connection -> {
                held.close();
                report.accept(StreamEnd.clientGone(0, 0));
            });
            write = () -> {
                observer.firstByte(false, System.nanoTime() - arrivedNanos);
                slowPlain(ex, plain, held, report);
            };
        } else if (outcome instanceof Outcome.Plain plain) {
            write = () -> whole(ex, report, () -> {
                observer.firstByte(false, System.nanoTime() - arrivedNanos);
                Responses.headers(ex, plain.delivery().headers());
                responses.json(ex, 200, plain.json());
            });
        } else if (outcome instanceof Outcome.Stream stream) {
            Optional<StreamBudget.Lease> lease = budget.open(stream.plan().heldBytes());
            if (lease.isEmpty()) {
                observer.streamRefused();
                report.accept(StreamEnd.busy());
                responses.error(ex, ApiError.busy(budget.limitBytes() >> 20));
                return;
            }
            StreamBudget.Lease held = lease.get();
            Delivery delivery = stream.delivery();
            // The plan's schedule counts from now, the first-token delay included; a client that leaves before
            // the first frame ends the stream (and gives its share of the budget back) at once.
            long start = System.nanoTime();
            long firstFrame = start + TimeUnit.MILLISECONDS.toNanos(stream.pacing().firstTokenMs());
            observer.firstByte(true, firstFrame - arrivedNanos);
            Responses.headers(ex, delivery.headers());
            SseWriter.start(ex, stream.plan(), start, delivery.stallAfterChunks(), end -> {
                held.close();
                observer.streamEnded(Math.max(0, System.nanoTime() - firstFrame));
                report.accept(end);
            });
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

    /** Writes a whole body; reports it completed once the exchange is done, or the client gone before that. */
    private static void whole(HttpServerExchange ex, Consumer<StreamEnd> report, Runnable send) {
        if (!ex.getConnection().isOpen()) {
            report.accept(StreamEnd.clientGone(0, 0));
            return;
        }
        ex.addExchangeCompleteListener((done, next) -> {
            report.accept(done.getResponseBytesSent() > 0 || done.getConnection().isOpen()
                    ? StreamEnd.completed(0, done.getResponseBytesSent()) : StreamEnd.clientGone(0, 0));
            next.proceed();
        });
        send.run();
    }

    /**
     * A plain answer under a stall or trickle fault: a lease of the budget, like a stream, until it ends. A stall
     * ends when the client gives up (client gone); a trickle when its last byte is written (completed).
     */
    private static void slowPlain(HttpServerExchange ex, Outcome.Plain plain, StreamBudget.Lease held,
                                  Consumer<StreamEnd> report) {
        if (!ex.getConnection().isOpen()) {
            held.close();
            report.accept(StreamEnd.clientGone(0, 0));
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
                report.accept(StreamEnd.clientGone(0, 0));
                return;
            }
            Stall.hold(ex, () -> {
                held.close();
                report.accept(StreamEnd.clientGone(0, 0));
            });
        } else {
            Trickle.start(ex, plain.json(), delivery.trickleBytes(), delivery.trickleDelayMs(), () -> {
                held.close();
                report.accept(StreamEnd.completed(0, plain.json().length));
            });
        }
    }
}
