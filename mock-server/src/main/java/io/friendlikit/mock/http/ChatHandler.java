package io.friendlikit.mock.http;

import io.friendlikit.mock.engine.ChatService;
import io.friendlikit.mock.engine.Exchange;
import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.validation.ValidationContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.SameThreadExecutor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * POST .../chat/completions: reads the body, runs the exchange through the {@link ChatService}, and hands the
 * outcome to the {@link Responder}.
 */
final class ChatHandler implements HttpHandler {

    private final ValidationContext.Flavour flavour;
    private final ChatService service;
    private final Responses responses;
    private final Responder responder;
    private final long maxBodyBytes;
    private final long readTimeoutMs;

    ChatHandler(ValidationContext.Flavour flavour, ChatService service, Responses responses, Responder responder,
                long maxBodyBytes, long readTimeoutMs) {
        this.readTimeoutMs = readTimeoutMs;
        this.flavour = flavour;
        this.service = service;
        this.responses = responses;
        this.responder = responder;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long arrived = System.nanoTime();
        // Both steps are dispatched, so Undertow does not end the exchange when a call returns: the answer is
        // written later from a worker thread, and a stream may take a while.
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> BodyReader.read(exchange, maxBodyBytes,
                readTimeoutMs, (ex, body, tooLarge) -> ex.dispatch(ex.getConnection().getWorker(),
                        () -> process(ex, body, tooLarge, arrived)), responses::error));
    }

    private void process(HttpServerExchange ex, byte[] body, boolean tooLarge, long arrived) {
        ChatService.Served served;
        try {
            served = service.serve(new Exchange(flavour, ex.getRequestMethod().toString(), ex.getRequestPath(),
                    headers(ex), body, tooLarge));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Whatever a request does, it gets an answer and the server keeps serving.
            if (!ex.isResponseStarted()) {
                responses.error(ex, ApiError.internal("the mock failed on this request: " + e));
            }
            return;
        }
        responder.deliver(ex, served.outcome(), arrived, served.ended());
    }

    private static Map<String, String> headers(HttpServerExchange ex) {
        Map<String, String> out = new HashMap<>();
        for (HeaderValues values : ex.getRequestHeaders()) {
            out.put(values.getHeaderName().toString().toLowerCase(Locale.ROOT), values.getFirst());
        }
        return out;
    }
}
