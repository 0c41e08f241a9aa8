package com.example.friendli;

import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.targets.RunningTarget;
import io.friendlikit.conformance.targets.TargetProvider;
import io.friendlikit.mock.MockServer;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Starts the server under test for the kit when no base URL is configured: the kit calls {@link #start} once per
 * scenario and closes the returned target afterwards. Registered in
 * {@code META-INF/services/io.friendlikit.conformance.targets.TargetProvider}. Replace the mock with your server.
 */
public final class StartedMockProvider implements TargetProvider {

    /** The one team the server knows, so that the kit's "team the token does not belong to" scenario gets 403. */
    static final String TEAM = "team-example";

    @Override
    public String name() {
        return "example mock";
    }

    @Override
    public RunningTarget start(KitConfig config) {
        MockServer server = MockServer.builder().port(0).seed(1L).teams(Set.of(TEAM)).build().start();
        URI serverless = server.serverlessUri();
        URI origin = URI.create(serverless.getScheme() + "://" + serverless.getRawAuthority());
        // base URL, admin API (so @mock-control scenarios run), kind "mock", and what to close after the scenario
        return new RunningTarget(serverless, Optional.of(URI.create(origin + "/__admin")), "mock", server);
    }
}
