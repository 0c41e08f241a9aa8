package io.friendlikit.mock.http;

import io.friendlikit.mock.errors.ApiError;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.util.Locale;

/**
 * Framing rules Undertow lets through, checked before any route runs (RFC 9112 §6): a request whose body length is
 * ambiguous could be read one way by the mock and another by a proxy in front of it, so it is refused with 400 and
 * the connection closed (a request pipelined behind it is never read). Also refused: a second
 * {@code Authorization}, which would leave open which token is checked.
 */
final class FramingRules {

    private FramingRules() {
    }

    /** The refusal for this request's head, or null when its framing is clear. */
    static ApiError check(HttpServerExchange exchange) {
        var headers = exchange.getRequestHeaders();
        HeaderValues encodings = headers.get(Headers.TRANSFER_ENCODING);
        HeaderValues lengths = headers.get(Headers.CONTENT_LENGTH);
        if (encodings != null && !encodings.isEmpty()) {
            String all = String.join(", ", encodings);
            if (encodings.size() > 1 || !all.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                return ApiError.badRequest("Transfer-Encoding", "Transfer-Encoding must be exactly 'chunked' "
                        + "(RFC 9112 §6.3: no other coding is accepted and chunked must be the only one), got '"
                        + all + "'");
            }
            if (lengths != null && !lengths.isEmpty()) {
                return ApiError.badRequest("Content-Length", "a request must not carry both Transfer-Encoding and "
                        + "Content-Length (RFC 9112 §6.1); send one of them");
            }
        }
        if (lengths != null && lengths.size() > 1) {
            return ApiError.badRequest("Content-Length", "Content-Length is given " + lengths.size()
                    + " times; give it once");
        }
        if (lengths != null && !lengths.isEmpty() && !lengths.getFirst().trim().matches("[0-9]{1,18}")) {
            return ApiError.badRequest("Content-Length", "Content-Length must be a decimal number of bytes, got '"
                    + lengths.getFirst() + "'");
        }
        HttpString authorization = Headers.AUTHORIZATION;
        HeaderValues auth = headers.get(authorization);
        if (auth != null && auth.size() > 1) {
            return ApiError.badRequest("Authorization", "Authorization is given " + auth.size()
                    + " times; send one bearer token in one header");
        }
        return null;
    }
}
