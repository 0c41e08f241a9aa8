package io.friendlikit.mock.http;

import io.friendlikit.mock.delivery.Pacing;
import io.friendlikit.mock.delivery.StreamEnd;
import io.friendlikit.mock.delivery.StreamPlan;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
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
 * {@code data: [DONE]}. Writes are asynchronous; delays are scheduled on the connection's IO thread, so a slow
 * stream holds memory, not a thread. Frames due at the same moment go out in one gather write. A client that
 * goes away ends the stream at the next write.
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
     * Starts writing the stream; returns at once.
     *
     * @param pacing the delay before the first chunk and between chunks
     * @param onEnd  told once when the stream is over how it ended: written whole, cut on purpose, or the client
     *               gone (with the chunks and bytes written by then)
     */
    public static void start(HttpServerExchange exchange, StreamPlan plan, Pacing pacing, Consumer<StreamEnd> onEnd) {
        start(exchange, plan, pacing, null, onEnd);
    }

    /**
     * Starts writing the stream; returns at once.
     *
     * @param stallAfter after this many frames write nothing more until the client leaves (fault {@code stall}), or
     *                   null
     */
    public static void start(HttpServerExchange exchange, StreamPlan plan, Pacing pacing, Integer stallAfter,
                             Consumer<StreamEnd> onEnd) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        Run run = new Run(exchange, plan, steps(plan, stallAfter), pacing, onEnd);
        exchange.addExchangeCompleteListener((ex, next) -> {
            run.end();
            next.proceed();
        });
        exchange.getConnection().addCloseListener(connection -> run.end());
        run.next();
    }

    /** One thing to do: write a frame (after a delay), drop the connection, stall, or end the response. */
    record Step(String payload, boolean delayed, boolean disconnect, boolean stall) {
        Step(String payload, boolean delayed, boolean disconnect) {
            this(payload, delayed, disconnect, false);
        }

        static Step write(String payload, boolean delayed) {
            return new Step(payload, delayed, false);
        }

        /** A chunk of the answer (delayed steps are the plan's payloads; [DONE] and error events are not). */
        boolean chunk() {
            return delayed;
        }

        /** A step that is not written at once with the frames before it. */
        boolean interrupts() {
            return disconnect || stall;
        }

        /** Encoded when written, so a long stream holds its text once, not twice. */
        ByteBuffer frame() {
            return SseWriter.frame(payload);
        }
    }

    /** Frames written in one gather write at most. */
    private static final int MAX_BATCH = 1_024;

    /** The steps that execute a plan, in order (package-private for tests). */
    static List<Step> steps(StreamPlan plan) {
        return steps(plan, null);
    }

    /**
     * The steps of a plan that stalls after {@code stallAfter} frames (null: never); a plan that ends earlier (a
     * disconnect, an error event) ends before the stall, and one with fewer frames stalls before {@code [DONE]}.
     */
    static List<Step> steps(StreamPlan plan, Integer stallAfter) {
        List<Step> steps = new ArrayList<>();
        List<String> payloads = plan.payloads();
        for (int i = 0; i <= payloads.size(); i++) {
            if (stallAfter != null && (stallAfter == i || (i == payloads.size() && stallAfter > i))
                    && !(plan.disconnectAfter() != null && plan.disconnectAfter() == i)
                    && !(plan.errorAfter() != null && plan.errorAfter() == i)) {
                steps.add(new Step(null, false, false, true));
                return steps;
            }
            if (plan.disconnectAfter() != null && plan.disconnectAfter() == i) {
                steps.add(new Step(null, false, true));
                return steps;
            }
            if (plan.errorAfter() != null && plan.errorAfter() == i) {
                steps.add(Step.write(plan.errorEvent(), false));
                return steps;
            }
            if (i < payloads.size()) {
                steps.add(Step.write(payloads.get(i), true));
            }
        }
        if (plan.done()) {
            steps.add(Step.write(DONE, false));
        }
        for (String extra : plan.afterDone()) {
            steps.add(Step.write(extra, false));
        }
        return steps;
    }

    private static final class Run implements IoCallback {
        private final HttpServerExchange exchange;
        private final StreamPlan plan;
        private final Sender sender;
        private final List<Step> steps;
        private final Pacing pacing;
        private final Consumer<StreamEnd> onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();
        // what the client has been sent: confirmed writes, then the batch in flight
        private volatile long chunksWritten;
        private volatile long bytesWritten;
        private long batchChunks;
        private long batchBytes;
        private volatile boolean planEnded;
        private volatile XnioExecutor.Key pending;
        private int position;
        private boolean first = true;

        Run(HttpServerExchange exchange, StreamPlan plan, List<Step> steps, Pacing pacing, Consumer<StreamEnd> onEnd) {
            this.exchange = exchange;
            this.plan = plan;
            this.sender = exchange.getResponseSender();
            this.steps = steps;
            this.pacing = pacing;
            this.onEnd = onEnd;
        }

        /** Once: cancels a scheduled write and reports the end. */
        void end() {
            if (ended.compareAndSet(false, true)) {
                XnioExecutor.Key key = pending;
                if (key != null) {
                    key.remove();
                }
                onEnd.accept(planEnded ? StreamEnd.planned(plan, chunksWritten, bytesWritten)
                        : StreamEnd.clientGone(chunksWritten, bytesWritten));
            }
        }

        void next() {
            if (position >= steps.size()) {
                planEnded = true;
                sender.close();
                return;
            }
            Step step = steps.get(position);
            if (step.disconnect()) {
                planEnded = true;
                IoUtils.safeClose(exchange.getConnection());
                end();
                return;
            }
            if (step.stall()) {
                boolean nothingWritten = position == 0;
                position = steps.size();
                if (nothingWritten) {
                    // no frame has gone out: flush the status and headers before the silence
                    StreamSinkChannel channel = exchange.getResponseChannel();
                    try {
                        if (channel != null) {
                            channel.flush();
                        }
                    } catch (IOException e) {
                        IoUtils.safeClose(exchange.getConnection());
                        end();
                        return;
                    }
                }
                Stall.hold(exchange, this::end);
                return;
            }
            long delay = 0;
            if (step.delayed()) {
                delay = first ? pacing.firstTokenMs() : pacing.interTokenMs();
                first = false;
            }
            if (delay > 0) {
                pending = exchange.getIoThread().executeAfter(this::writeDue, delay, TimeUnit.MILLISECONDS);
            } else {
                writeDue();
            }
        }

        /** Writes the current step and every following step that is due without delay. */
        private void writeDue() {
            pending = null;
            if (ended.get() || !exchange.getConnection().isOpen()) {
                end();
                return;
            }
            List<ByteBuffer> batch = new ArrayList<>();
            batchChunks = 0;
            batchBytes = 0;
            Step head = steps.get(position++);
            batch.add(count(head, head.frame()));
            while (position < steps.size() && batch.size() < MAX_BATCH) {
                Step s = steps.get(position);
                boolean immediate = !s.interrupts() && (!s.delayed() || (!first && pacing.interTokenMs() == 0));
                if (!immediate) {
                    break;
                }
                first = first && !s.delayed();
                batch.add(count(s, s.frame()));
                position++;
            }
            sender.send(batch.toArray(new ByteBuffer[0]), this);
        }

        private ByteBuffer count(Step step, ByteBuffer frame) {
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
            IoUtils.safeClose(ex.getConnection());
            end();
        }
    }
}
