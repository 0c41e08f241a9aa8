package io.friendlikit.mock.http;

import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.engine.Outcome;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.validation.ValidationContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.SameThreadExecutor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** POST .../chat/completions: reads the body, asks the {@link ChatService}, writes JSON or a stream. */
final class ChatHandler implements HttpHandler {

    private final ValidationContext.Flavour flavour;
    private final ChatService service;
    private final Responses responses;
    private final long maxBodyBytes;
    private final AtomicInteger openStreams;
    private final AtomicLong streamBytes;

    /**
     * Memory all open streams together may hold in not-yet-written text: a quarter of the heap. Beyond it new
     * streams get a 429, so many slow, long streams cannot exhaust the mock.
     */
    static final long STREAM_MEMORY_BUDGET = Runtime.getRuntime().maxMemory() / 4;

    ChatHandler(ValidationContext.Flavour flavour, ChatService service, Responses responses, long maxBodyBytes,
                AtomicInteger openStreams, AtomicLong streamBytes) {
        this.flavour = flavour;
        this.service = service;
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
        this.openStreams = openStreams;
        this.streamBytes = streamBytes;
    }

    /** Text a stream holds until written (UTF-16 in memory). */
    private static long heldBytes(Outcome.Stream stream) {
        long chars = 0;
        for (String p : stream.plan().payloads()) {
            chars += p.length();
        }
        return 2 * chars;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        // Both steps are dispatched, so Undertow does not end the exchange when a call returns: the answer is
        // written later from a worker thread, and a stream may take a while.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> BodyReader.read(exchange, maxBodyBytes,
                (ex, body, tooLarge) -> ex.dispatch(ex.getConnection().getWorker(),
                        () -> process(ex, body, tooLarge))));
    }

    private void process(HttpServerExchange ex, byte[] body, boolean tooLarge) {
        Outcome outcome;
        try {
            outcome = service.handle(new Exchange(flavour, ex.getRequestMethod().toString(), ex.getRequestPath(),
                    headers(ex), body, tooLarge));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Whatever a request does, it gets an answer and the server keeps serving.
            if (!ex.isResponseStarted()) {
                responses.error(ex, ApiError.internal("the mock failed on this request: " + e));
            }
            return;
        }
        if (outcome instanceof Outcome.Failure failure) {
            long delay = failure.pacing().firstTokenMs();
            if (delay > 0) {
                ex.getIoThread().executeAfter(() -> responses.error(ex, failure.error()), delay,
                        TimeUnit.MILLISECONDS);
            } else {
                responses.error(ex, failure.error());
            }
        } else if (outcome instanceof Outcome.Plain plain) {
            long delay = plain.pacing().firstTokenMs();
            if (delay > 0) {
                ex.getIoThread().executeAfter(() -> responses.json(ex, 200, plain.json()), delay,
                        TimeUnit.MILLISECONDS);
            } else {
                responses.json(ex, 200, plain.json());
            }
        } else if (outcome instanceof Outcome.Stream stream) {
            long held = heldBytes(stream);
            if (streamBytes.addAndGet(held) > STREAM_MEMORY_BUDGET) {
                streamBytes.addAndGet(-held);
                responses.error(ex, ApiError.busy(STREAM_MEMORY_BUDGET >> 20));
                return;
            }
            String errorPayload = new String(responses.renderer().renderStreamEvent(
                    ApiError.injected(500, stream.plan().errorMessage() == null ? "stream failed"
                            : stream.plan().errorMessage(), null)), java.nio.charset.StandardCharsets.UTF_8);
            openStreams.incrementAndGet();
            SseWriter.start(ex, stream.plan(), stream.pacing(), errorPayload, () -> {
                openStreams.decrementAndGet();
                streamBytes.addAndGet(-held);
            });
        }
    }

    private static Map<String, String> headers(HttpServerExchange ex) {
        Map<String, String> out = new HashMap<>();
        for (HeaderValues values : ex.getRequestHeaders()) {
            out.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
        }
        return out;
    }
}
