package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ApiError;
import io.friendlikit.mock.errors.ErrorRenderer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes whole answers: JSON (successes and the error envelope) and the admin API's text; streams are the
 * {@link SseWriter}'s.
 */
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

    /** A body given byte for byte, with its content type. */
    public void raw(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** A text body, encoded in UTF-8 (the content type should say so). */
    public void text(HttpServerExchange exchange, int status, String contentType, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
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
