package io.friendlikit.mock.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.ByteArrayOutputStream;

/**
 * Reads a request body asynchronously up to a limit. A larger body is drained and dropped, never held in
 * memory, and reported as too large.
 */
final class BodyReader {

    /** What to do with the body once it is read. */
    interface Then {
        void accept(HttpServerExchange exchange, byte[] body, boolean tooLarge);
    }

    private BodyReader() {
    }

    static void read(HttpServerExchange exchange, long limit, Then then) {
        String declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    exchange.setPersistent(false);
                    then.accept(exchange, new byte[0], true);
                    return;
                }
            } catch (NumberFormatException e) {
                // Undertow rejects malformed lengths itself; fall through to the streaming read
            }
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean[] tooLarge = {false};
        exchange.getRequestReceiver().receivePartialBytes((ex, data, last) -> {
            if (!tooLarge[0]) {
                if (buffer.size() + (long) data.length > limit) {
                    tooLarge[0] = true;
                    buffer.reset();
                } else {
                    buffer.write(data, 0, data.length);
                }
            }
            if (last) {
                then.accept(ex, tooLarge[0] ? new byte[0] : buffer.toByteArray(), tooLarge[0]);
            }
        }, (ex, e) -> ex.endExchange());
    }
}
