package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.StreamPlan;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.Headers;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The only class that writes server-sent event frames: {@code data: <payload>} and a blank line, UTF-8, then
 * {@code data: [DONE]}. Writes are asynchronous and scheduled on the connection's IO thread, so a slow stream holds
 * memory, not a thread. Each payload is rendered when it is due, and it is due at a fixed time after the stream's
 * start (the plan's schedule), so a late write never delays the later ones; frames due by the time of a write go
 * out in one gather write. A client that goes away ends the stream at the next write, and the stream lets go of
 * its exchange and its plan at once.
 */
public final class SseWriter {

    public static final String CONTENT_TYPE = "text/event-stream";
    static final String DONE = "[DONE]";

    private SseWriter() {
    }

    /** Encodes one frame. */
    public static ByteBuffer frame(String payload) {
        return ByteBuffer.wrap(("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts writing the stream; returns at once. Headers go out with the first frame.
     *
     * @param startNanos the stream's start ({@link System#nanoTime()}): payload {@code i} is due at
     *                   {@code startNanos + plan.schedule().dueMs(i)} milliseconds
     * @param onEnd      run once when the stream is over: written whole, cut on purpose, or the client gone
     */
    public static void start(HttpServerExchange exchange, StreamPlan plan, long startNanos, Runnable onEnd) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        Run run = new Run(exchange, plan, startNanos, onEnd);
        exchange.addExchangeCompleteListener((ex, next) -> {
            run.end();
            next.proceed();
        });
        exchange.getConnection().addCloseListener(run);
        run.next();
    }

    /** One thing to do: write a frame (when it is due, or right after the one before), or drop the connection. */
    record Step(String payload, boolean delayed, boolean disconnect) {
        static Step write(String payload, boolean delayed) {
            return new Step(payload, delayed, false);
        }

        ByteBuffer frame() {
            return SseWriter.frame(payload);
        }
    }

    private static final Step DISCONNECT = new Step(null, false, true);

    /** Frames written in one gather write at most. */
    private static final int MAX_BATCH = 1_024;

    /**
     * A plan as a sequence of steps, each made when it is reached: the payloads before the plan's cut (a
     * disconnect or an error event) or all of them, then the ending. Holds no rendered payload.
     */
    static final class Steps {
        private final StreamPlan plan;
        private final int shown;
        private final List<Step> ending;

        Steps(StreamPlan plan) {
            this.plan = plan;
            int count = plan.payloads().size();
            Integer cut = plan.disconnectAfter() != null && plan.disconnectAfter() <= count
                    ? plan.disconnectAfter() : null;
            Integer error = plan.errorAfter() != null && plan.errorAfter() <= count ? plan.errorAfter() : null;
            List<Step> end = new ArrayList<>();
            if (cut != null && (error == null || cut <= error)) {
                shown = cut;
                end.add(DISCONNECT);
            } else if (error != null) {
                shown = error;
                end.add(Step.write(plan.errorEvent(), false));
            } else {
                shown = count;
                if (plan.done()) {
                    end.add(Step.write(DONE, false));
                }
                for (String extra : plan.afterDone()) {
                    end.add(Step.write(extra, false));
                }
            }
            ending = List.copyOf(end);
        }

        int size() {
            return shown + ending.size();
        }

        /** Step {@code k}; a payload is rendered here. */
        Step get(int k) {
            return k < shown ? Step.write(plan.payloads().get(k), true) : ending.get(k - shown);
        }

        boolean delayed(int k) {
            return k < shown;
        }

        boolean disconnect(int k) {
            return k >= shown && ending.get(k - shown).disconnect();
        }

        /** When payload {@code k} is due, in nanoseconds after the stream's start. */
        long dueNanos(int k) {
            return TimeUnit.MILLISECONDS.toNanos(plan.schedule().dueMs(k));
        }
    }

    /** Every step of a plan, rendered (package-private for tests). */
    static List<Step> steps(StreamPlan plan) {
        Steps steps = new Steps(plan);
        List<Step> out = new ArrayList<>(steps.size());
        for (int k = 0; k < steps.size(); k++) {
            out.add(steps.get(k));
        }
        return out;
    }

    private static final class Run implements IoCallback, ServerConnection.CloseListener {
        private final long startNanos;
        private final AtomicBoolean ended = new AtomicBoolean();
        // Dropped when the stream ends, so whatever still holds this run (a listener list) holds nothing big.
        private volatile HttpServerExchange exchange;
        private volatile Sender sender;
        private volatile Steps steps;
        private volatile Runnable onEnd;
        private volatile XnioExecutor.Key pending;
        private int position;

        Run(HttpServerExchange exchange, StreamPlan plan, long startNanos, Runnable onEnd) {
            this.exchange = exchange;
            this.sender = exchange.getResponseSender();
            this.steps = new Steps(plan);
            this.startNanos = startNanos;
            this.onEnd = onEnd;
        }

        @Override
        public void closed(ServerConnection connection) {
            end();
        }

        /** Once: cancels a scheduled write, reports the end and lets go of the exchange and the plan. */
        void end() {
            if (ended.compareAndSet(false, true)) {
                XnioExecutor.Key key = pending;
                if (key != null) {
                    key.remove();
                }
                Runnable report = onEnd;
                pending = null;
                steps = null;
                sender = null;
                exchange = null;
                onEnd = null;
                if (report != null) {
                    report.run();
                }
            }
        }

        /** The client is gone or the stream cannot go on: drop the connection and end. */
        private void abort(HttpServerExchange ex) {
            end();
            if (ex != null) {
                ex.setPersistent(false); // no next request on this connection
                IoUtils.safeClose(ex.getConnection());
            }
        }

        void next() {
            HttpServerExchange ex = exchange;
            Steps s = steps;
            if (ended.get() || ex == null || s == null) {
                return;
            }
            if (position >= s.size()) {
                sender.close();
                return;
            }
            if (s.disconnect(position)) {
                abort(ex);
                return;
            }
            if (s.delayed(position)) {
                long wait = startNanos + s.dueNanos(position) - System.nanoTime();
                if (wait > 0) {
                    // XNIO's timer counts whole milliseconds: round up, never early.
                    long ms = (wait + 999_999) / 1_000_000;
                    pending = ex.getIoThread().executeAfter(this::writeDue, ms, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            writeDue();
        }

        /** Writes the current step and every following one that is due by now. */
        private void writeDue() {
            pending = null;
            HttpServerExchange ex = exchange;
            Steps s = steps;
            Sender out = sender;
            if (ended.get() || ex == null || s == null || !ex.getConnection().isOpen()) {
                abort(ex);
                return;
            }
            List<ByteBuffer> batch = new ArrayList<>();
            try {
                batch.add(s.get(position++).frame());
                long now = System.nanoTime();
                while (position < s.size() && batch.size() < MAX_BATCH && !s.disconnect(position)
                        && (!s.delayed(position) || startNanos + s.dueNanos(position) <= now)) {
                    batch.add(s.get(position++).frame());
                }
            } catch (RuntimeException cannotRender) {
                abort(ex);
                return;
            }
            out.send(batch.toArray(new ByteBuffer[0]), this);
        }

        @Override
        public void onComplete(HttpServerExchange ex, Sender s) {
            next();
        }

        @Override
        public void onException(HttpServerExchange ex, Sender s, IOException e) {
            abort(ex);
        }
    }
}
