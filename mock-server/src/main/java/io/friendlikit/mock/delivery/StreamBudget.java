package io.friendlikit.mock.delivery;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The streams being written and the memory their not-yet-written text holds. A stream opens with a
 * {@link Lease} of its bytes and closes it when it ends (written whole, cut by a fault, or the client gone); a
 * stream that would take the total over the limit is refused, so many slow, long streams cannot exhaust the mock.
 * One per server; thread-safe.
 */
public final class StreamBudget {

    private final long limitBytes;
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();

    /** @param limitBytes the most text all open streams together may hold */
    public StreamBudget(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("a stream budget must be positive, got " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /** The mock's default: a quarter of the heap. */
    public static StreamBudget quarterOfHeap() {
        return new StreamBudget(Runtime.getRuntime().maxMemory() / 4);
    }

    /** A lease of {@code bytes} for one stream, or empty when the budget cannot hold it now. */
    public Optional<Lease> open(long bytes) {
        if (heldBytes.addAndGet(bytes) > limitBytes) {
            heldBytes.addAndGet(-bytes);
            return Optional.empty();
        }
        open.incrementAndGet();
        return Optional.of(new Lease(bytes));
    }

    /** Streams being written right now. */
    public int openStreams() {
        return open.get();
    }

    public long heldBytes() {
        return heldBytes.get();
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** One open stream's share; closing it more than once has no further effect. */
    public final class Lease implements AutoCloseable {
        private final long bytes;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                heldBytes.addAndGet(-bytes);
                open.decrementAndGet();
            }
        }
    }
}
