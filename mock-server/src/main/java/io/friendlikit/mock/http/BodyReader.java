package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ApiError;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import org.xnio.XnioExecutor;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body asynchronously up to a limit. A larger body, sized or chunked, is drained and dropped (never
 * held in memory) up to a few times the limit, so the client reads the 413 rather than a reset; beyond that the
 * connection is closed after the answer. A body that stops arriving for the read timeout is answered 408 and its
 * connection closed. Nothing here prints: a client's mistake is answered, not logged.
 */
final class BodyReader {

    /** What to do with the body once it is read. */
    interface Then {
        void accept(HttpServerExchange exchange, byte[] body, boolean tooLarge);
    }

    /** How the handler answers a body that could not be read (408, 400); called on the IO thread. */
    interface Refuse {
        void refuse(HttpServerExchange exchange, ApiError error);
    }

    /** Bytes read (and dropped) past the limit before the connection is given up: this many times the limit. */
    private static final long DRAIN_FACTOR = 4;
    private static final long MIN_DRAIN = 4L << 20;

    private BodyReader() {
    }

    static void read(HttpServerExchange exchange, long limit, long readTimeoutMs, Then then, Refuse refuse) {
        String declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    exchange.setPersistent(false);
                    then.accept(exchange, new byte[0], true);
                    return;
                }
            } catch (NumberFormatException e) {
                // the front guard refuses such lengths; fall through to the streaming read
            }
        }
        new Reading(exchange, limit, readTimeoutMs, then, refuse).start();
    }

    /** One body being read: the buffer, the stall timer, and whether an answer has been chosen. */
    private static final class Reading {
        private final HttpServerExchange exchange;
        private final long limit;
        private final long timeoutNanos;
        private final long readTimeoutMs;
        private final Then then;
        private final Refuse refuse;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long drainLimit;
        private long received;
        private boolean tooLarge;
        private boolean finished;
        private volatile long lastData = System.nanoTime();
        private XnioExecutor.Key timer;

        Reading(HttpServerExchange exchange, long limit, long readTimeoutMs, Then then, Refuse refuse) {
            this.exchange = exchange;
            this.limit = limit;
            this.readTimeoutMs = readTimeoutMs;
            this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMs);
            this.then = then;
            this.refuse = refuse;
            this.drainLimit = limit > Long.MAX_VALUE / DRAIN_FACTOR ? Long.MAX_VALUE
                    : Math.max(limit * DRAIN_FACTOR, MIN_DRAIN);
        }

        void start() {
            if (!exchange.isRequestComplete()) {
                schedule(readTimeoutMs);
            }
            exchange.getRequestReceiver().receivePartialBytes((ex, data, last) -> {
                if (finished) {
                    return;
                }
                lastData = System.nanoTime();
                received += data.length;
                if (received > drainLimit) {
                    finish();
                    ex.getRequestReceiver().pause();
                    ex.setPersistent(false);
                    then.accept(ex, new byte[0], true);
                    return;
                }
                if (!tooLarge) {
                    if (buffer.size() + (long) data.length > limit) {
                        tooLarge = true;
                        buffer.reset();
                    } else {
                        buffer.write(data, 0, data.length);
                    }
                }
                if (last) {
                    finish();
                    then.accept(ex, tooLarge ? new byte[0] : buffer.toByteArray(), tooLarge);
                }
            }, (ex, e) -> {
                if (finished) {
                    return;
                }
                finish();
                ex.setPersistent(false);
                if (e instanceof RequestTooBigException) {
                    then.accept(ex, new byte[0], true);
                } else if (!ex.isResponseStarted() && ex.getConnection().isOpen()) {
                    refuse.refuse(ex, ApiError.badRequest(null, "the request body could not be read: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                } else {
                    ex.endExchange();
                }
            });
        }

        private void schedule(long delayMs) {
            timer = exchange.getIoThread().executeAfter(this::check, Math.max(1, delayMs), TimeUnit.MILLISECONDS);
        }

        /** On the IO thread: the body is late when nothing came for the timeout. */
        private void check() {
            if (finished) {
                return;
            }
            long idle = System.nanoTime() - lastData;
            if (idle < timeoutNanos) {
                schedule(TimeUnit.NANOSECONDS.toMillis(timeoutNanos - idle) + 1);
                return;
            }
            finished = true;
            exchange.getRequestReceiver().pause();
            exchange.setPersistent(false);
            refuse.refuse(exchange, ApiError.requestTimeout(readTimeoutMs));
        }

        private void finish() {
            finished = true;
            if (timer != null) {
                timer.remove();
            }
        }
    }
}
