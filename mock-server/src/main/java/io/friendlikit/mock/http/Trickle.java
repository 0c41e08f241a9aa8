package io.friendlikit.mock.http;

import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a body a few bytes at a time (fault {@code trickle}): each piece after a delay, scheduled on the
 * connection's IO thread, so a trickled answer holds its bytes and a timer, not a thread. The status and headers
 * (with the whole body's Content-Length) go out with the first piece. Stops when the client goes away.
 */
final class Trickle implements IoCallback {

    private final HttpServerExchange exchange;
    private final Sender sender;
    private final byte[] body;
    private final int bytesPerWrite;
    private final long delayMs;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile XnioExecutor.Key pending;
    private int position;

    private Trickle(HttpServerExchange exchange, byte[] body, int bytesPerWrite, long delayMs, Runnable onEnd) {
        this.exchange = exchange;
        this.sender = exchange.getResponseSender();
        this.body = body;
        this.bytesPerWrite = bytesPerWrite;
        this.delayMs = delayMs;
        this.onEnd = onEnd;
    }

    /**
     * Starts writing {@code body}; returns at once. The caller has set the status and headers.
     *
     * @param onEnd run once when the body is written whole or the client has gone
     */
    static void start(HttpServerExchange exchange, byte[] body, int bytesPerWrite, long delayMs, Runnable onEnd) {
        exchange.setResponseContentLength(body.length);
        Trickle trickle = new Trickle(exchange, body, bytesPerWrite, delayMs, onEnd);
        exchange.addExchangeCompleteListener((ex, next) -> {
            trickle.end();
            next.proceed();
        });
        exchange.getConnection().addCloseListener(connection -> trickle.end());
        trickle.writeNext();
    }

    private void writeNext() {
        pending = null;
        if (ended.get() || !exchange.getConnection().isOpen()) {
            end();
            return;
        }
        int length = Math.min(bytesPerWrite, body.length - position);
        ByteBuffer piece = ByteBuffer.wrap(body, position, length);
        position += length;
        sender.send(piece, this);
    }

    @Override
    public void onComplete(HttpServerExchange ex, Sender s) {
        if (position >= body.length) {
            sender.close();
            return;
        }
        if (delayMs > 0) {
            pending = ex.getIoThread().executeAfter(this::writeNext, delayMs, TimeUnit.MILLISECONDS);
        } else {
            writeNext();
        }
    }

    @Override
    public void onException(HttpServerExchange ex, Sender s, IOException e) {
        IoUtils.safeClose(ex.getConnection());
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            XnioExecutor.Key key = pending;
            if (key != null) {
                key.remove();
            }
            onEnd.run();
        }
    }
}
