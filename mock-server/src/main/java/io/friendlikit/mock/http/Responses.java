package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.errors.ErrorRenderer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.ByteBuffer;

/** Writes whole JSON answers (successes and the error envelope); streams are the {@link SseWriter}'s. */
public final class Responses {

    public static final String JSON = "application/json";

    private final ErrorRenderer errors;

    public Responses(ErrorRenderer errors) {
        this.errors = errors;
    }

    public void json(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    public void error(HttpServerExchange exchange, ApiError error) {
        if (error.retryAfterSeconds() != null) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, error.retryAfterSeconds().toString());
        }
        if (error.allow() != null) {
            exchange.getResponseHeaders().put(Headers.ALLOW, error.allow());
        }
        headers(exchange, error.headers());
        json(exchange, error.status(), errors.renderBytes(error));
    }

    /** Puts each of {@code headers} on the response. */
    public static void headers(HttpServerExchange exchange, java.util.Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(
                io.undertow.util.HttpString.tryFromString(name), value));
    }

    public void noContent(HttpServerExchange exchange) {
        exchange.setStatusCode(204);
        exchange.endExchange();
    }
}
