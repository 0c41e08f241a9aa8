package io.friendlikit.mock.http;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.conduits.StreamSourceConduit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds a response open without writing (fault {@code stall}): what was written so far stays on the wire and then
 * nothing follows until the client gives up. No thread waits: a timer on the connection's IO thread looks every
 * {@value #PROBE_MS} ms whether the client has closed its side (a read that finds the end of the input); then the
 * connection is closed and {@code onGone} runs, once.
 */
final class Stall {

    static final long PROBE_MS = 200;

    private final HttpServerExchange exchange;
    private final Runnable onGone;
    private final AtomicBoolean over = new AtomicBoolean();
    private final ByteBuffer scratch = ByteBuffer.allocate(512);
    private volatile XnioExecutor.Key pending;

    private Stall(HttpServerExchange exchange, Runnable onGone) {
        this.exchange = exchange;
        this.onGone = onGone;
    }

    /** Starts holding {@code exchange}; returns at once. */
    static void hold(HttpServerExchange exchange, Runnable onGone) {
        Stall stall = new Stall(exchange, onGone);
        exchange.getConnection().addCloseListener(connection -> stall.end());
        stall.schedule();
    }

    private void schedule() {
        if (!over.get()) {
            pending = exchange.getIoThread().executeAfter(this::probe, PROBE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        pending = null;
        if (over.get()) {
            return;
        }
        if (!exchange.getConnection().isOpen() || clientClosed()) {
            IoUtils.safeClose(exchange.getConnection());
            end();
            return;
        }
        schedule();
    }

    /** Reads (and drops) whatever the client sent after its request; the end of its input means it has gone. */
    private boolean clientClosed() {
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)) {
            return false; // another protocol: the stall lasts until the connection closes by itself
        }
        // the connection's own conduit: the request's conduits on top of it report the end of the request body
        StreamSourceConduit source = connection.getOriginalSourceConduit();
        try {
            int read;
            do {
                scratch.clear();
                read = source.read(scratch);
            } while (read > 0);
            return read < 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private void end() {
        if (over.compareAndSet(false, true)) {
            XnioExecutor.Key key = pending;
            if (key != null) {
                key.remove();
            }
            onGone.run();
        }
    }
}
