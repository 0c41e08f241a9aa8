package io.friendlikit.mock.engine;

import io.friendlikit.mock.validation.ValidationContext;

import java.util.Map;

/**
 * A chat request as the HTTP layer received it, with no Undertow types.
 *
 * @param headers       request headers with lower-case names (first value of each)
 * @param body          the body bytes (empty when {@code bodyTooLarge})
 * @param bodyTooLarge  true when the body exceeded the configured limit and was not read whole
 */
public record Exchange(ValidationContext.Flavour flavour, String method, String path, Map<String, String> headers,
                       byte[] body, boolean bodyTooLarge) {

    public Exchange {
        headers = Map.copyOf(headers);
    }
}
