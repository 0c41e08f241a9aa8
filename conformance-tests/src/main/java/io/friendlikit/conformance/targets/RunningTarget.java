package io.friendlikit.conformance.targets;

import java.net.URI;
import java.util.Optional;

/**
 * A server started by a {@link TargetProvider}.
 *
 * @param baseUrl   base URL as a client configures it, e.g. {@code http://127.0.0.1:5000/serverless/v1}
 * @param adminUrl  root of the admin API if the server has one, e.g. {@code http://127.0.0.1:5000/__admin}
 * @param kind      target kind for divergence lookup: "mock", "live" or "other"
 * @param stopper   stops the server
 */
public record RunningTarget(URI baseUrl, Optional<URI> adminUrl, String kind, AutoCloseable stopper)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        stopper.close();
    }
}
