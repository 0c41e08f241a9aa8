package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.delivery.StreamPlan;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.Headers;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSinkChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The only class that writes server-sent event frames: {@code data: <payload>} and a blank line, UTF-8, then
 * {@code data: [DONE]}. Writes are asynchronous and scheduled on the connection's IO thread against absolute
 * deadlines (the stream's start plus the plan's schedule), so a slow stream holds memory, not a thread, and does
 * not drift; each payload is rendered when it is due. Frames due at the same moment go out in one gather write.
 * A client that goes away ends the stream at once, and the stream lets go of its exchange and plan.
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

    /** As {@link #start(HttpServerExchange, StreamPlan, long, Integer, Consumer)} without a stall. */
    public static void start(HttpServerExchange exchange, StreamPlan plan, long startNanos,
                             Consumer<StreamEnd> onEnd) {
        start(exchange, plan, startNanos, null, onEnd);
    }

    /**
     * Starts writing the stream; returns at once. Headers go out with the first frame.
     *
     * @param startNanos the stream's start ({@link System#nanoTime()}): payload {@code i} is due at
     *                   {@code startNanos + plan.schedule().dueMs(i)} milliseconds
     * @param stallAfter after this many frames write nothing more until the client leaves (fault {@code stall}), or
     *                   null
     * @param onEnd      told once how the stream ended: written whole, cut on purpose, or the client gone
     */
    public static void start(HttpServerExchange exchange, StreamPlan plan, long startNanos, Integer stallAfter,
                             Consumer<StreamEnd> onEnd) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        Run run = new Run(exchange, new Steps(plan, stallAfter), startNanos, onEnd);
        exchange.addExchangeCompleteListener((ex, next) -> {
            run.end();
            next.proceed();
        });
        exchange.getConnection().addCloseListener(run);
        run.next();
    }

    /**
     * One thing to do: write a frame (when it is due, or right after the one before), drop the connection, or
     * stall (write nothing more until the client leaves).
     */
    record Step(String payload, boolean delayed, boolean disconnect, boolean stall) {
        static Step write(String payload, boolean delayed) {
            return new Step(payload, delayed, false, false);
        }

        /** A chunk of the answer (delayed steps are the plan's payloads; [DONE] and error events are not). */
        boolean chunk() {
            return delayed;
        }

        ByteBuffer frame() {
            return SseWriter.frame(payload);
        }
    }

    private static final Step DISCONNECT = new Step(null, false, true, false);
    private static final Step STALL = new Step(null, false, false, true);

    /** Frames written in one gather write at most. */
    private static final int MAX_BATCH = 1_024;

    /**
     * A plan as a sequence of steps, each made when it is reached: the payloads before the plan's cut (a
     * disconnect, an error event or a stall) or all of them, then the ending. Holds no rendered payload.
     */
    static final class Steps {
        private final StreamPlan plan;
        private final int shown;
        private final List<Step> ending;

        Steps(StreamPlan plan, Integer stallAfter) {
            this.plan = plan;
            int count = plan.payloads().size();
            Integer cut = plan.disconnectAfter() != null && plan.disconnectAfter() <= count
                    ? plan.disconnectAfter() : null;
            Integer error = plan.errorAfter() != null && plan.errorAfter() <= count ? plan.errorAfter() : null;
            List<Step> end = new ArrayList<>();
            int upTo;
            if (cut != null && (error == null || cut <= error)) {
                upTo = cut;
                end.add(DISCONNECT);
            } else if (error != null) {
                upTo = error;
                end.add(Step.write(plan.errorEvent(), false));
            } else {
                upTo = count;
                if (plan.done()) {
                    end.add(Step.write(DONE, false));
                }
                for (String extra : plan.afterDone()) {
                    end.add(Step.write(extra, false));
                }
            }
            // A stall before the cut wins; at the cut itself the planned disconnect or error event goes first.
            if (stallAfter != null && Math.min(stallAfter, count) < upTo
                    || stallAfter != null && cut == null && error == null) {
                upTo = Math.min(stallAfter, count);
                end = List.of(STALL);
            }
            shown = upTo;
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

        /** A step that is not written at once with the frames before it. */
        boolean interrupts(int k) {
            return k >= shown && (ending.get(k - shown).disconnect() || ending.get(k - shown).stall());
        }

        /** When payload {@code k} is due, in nanoseconds after the stream's start. */
        long dueNanos(int k) {
            return TimeUnit.MILLISECONDS.toNanos(plan.schedule().dueMs(k));
        }
    }

    /** Every step of a plan, rendered (package-private for tests). */
    static List<Step> steps(StreamPlan plan) {
        return steps(plan, null);
    }

    static List<Step> steps(StreamPlan plan, Integer stallAfter) {
        Steps steps = new Steps(plan, stallAfter);
        List<Step> out = new ArrayList<>(steps.size());
        for (int k = 0; k < steps.size(); k++) {
            out.add(steps.get(k));
        }
        return out;
    }

    private static final class Run implements IoCallback, ServerConnection.CloseListener {
        private final long startNanos;
        private final StreamPlan plan;
        private final AtomicBoolean ended = new AtomicBoolean();
        // Dropped when the stream ends, so whatever still holds this run (a listener list) holds nothing big.
        private volatile HttpServerExchange exchange;
        private volatile Sender sender;
        private volatile Steps steps;
        private volatile Consumer<StreamEnd> onEnd;
        private volatile XnioExecutor.Key pending;
        private volatile boolean planEnded;
        // what the client has been sent: confirmed writes, then the batch in flight
        private volatile long chunksWritten;
        private volatile long bytesWritten;
        private long batchChunks;
        private long batchBytes;
        private int position;

        Run(HttpServerExchange exchange, Steps steps, long startNanos, Consumer<StreamEnd> onEnd) {
            this.exchange = exchange;
            this.sender = exchange.getResponseSender();
            this.steps = steps;
            this.plan = steps.plan;
            this.startNanos = startNanos;
            this.onEnd = onEnd;
        }

        @Override
        public void closed(ServerConnection connection) {
            end();
        }

        /** Once: cancels a scheduled write, reports the end and lets go of the exchange and the steps. */
        void end() {
            if (ended.compareAndSet(false, true)) {
                XnioExecutor.Key key = pending;
                if (key != null) {
                    key.remove();
                }
                Consumer<StreamEnd> report = onEnd;
                pending = null;
                steps = null;
                sender = null;
                exchange = null;
                onEnd = null;
                if (report != null) {
                    report.accept(planEnded ? StreamEnd.planned(plan, chunksWritten, bytesWritten)
                            : StreamEnd.clientGone(chunksWritten, bytesWritten));
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
                planEnded = true;
                sender.close();
                return;
            }
            Step step = s.get(position);
            if (step.disconnect()) {
                planEnded = true;
                abort(ex);
                return;
            }
            if (step.stall()) {
                stall(ex);
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

        /** Writes nothing more; holds a timer until the client leaves (then ends as client gone). */
        private void stall(HttpServerExchange ex) {
            if (position == 0) {
                // no frame has gone out: flush the status and headers before the silence
                StreamSinkChannel channel = ex.getResponseChannel();
                try {
                    if (channel != null) {
                        channel.flush();
                    }
                } catch (IOException e) {
                    abort(ex);
                    return;
                }
            }
            position = Integer.MAX_VALUE;
            Stall.hold(ex, this::end);
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
            batchChunks = 0;
            batchBytes = 0;
            try {
                batch.add(count(s.get(position++)));
                long now = System.nanoTime();
                while (position < s.size() && batch.size() < MAX_BATCH && !s.interrupts(position)
                        && (!s.delayed(position) || startNanos + s.dueNanos(position) <= now)) {
                    batch.add(count(s.get(position++)));
                }
            } catch (RuntimeException cannotRender) {
                abort(ex);
                return;
            }
            out.send(batch.toArray(new ByteBuffer[0]), this);
        }

        private ByteBuffer count(Step step) {
            ByteBuffer frame = step.frame();
            batchChunks += step.chunk() ? 1 : 0;
            batchBytes += frame.remaining();
            return frame;
        }

        @Override
        public void onComplete(HttpServerExchange ex, Sender s) {
            chunksWritten += batchChunks;
            bytesWritten += batchBytes;
            batchChunks = 0;
            batchBytes = 0;
            next();
        }

        @Override
        public void onException(HttpServerExchange ex, Sender s, IOException e) {
            abort(ex);
        }
    }
}
