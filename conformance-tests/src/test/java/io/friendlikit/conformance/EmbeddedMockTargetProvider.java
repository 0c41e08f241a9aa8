package io.friendlikit.conformance;

import io.friendlikit.conformance.config.KitConfig;
import io.friendlikit.conformance.targets.RunningTarget;
import io.friendlikit.conformance.targets.TargetProvider;
import io.friendlikit.mock.MockServer;

import java.net.URI;
import java.util.Optional;

/** Starts the mock in-process on 127.0.0.1 and a free port; registered in META-INF/services. */
public final class EmbeddedMockTargetProvider implements TargetProvider {

    static final long SEED = 42L;
    /** The one team the embedded mock knows; any other X-Friendli-Team gets 403. */
    static final String TEAM = "team-conformance";

    @Override
    public String name() {
        return "embedded mock";
    }

    @Override
    public RunningTarget start(KitConfig config) {
        // a fixture directory of its own (empty at start), so the hot-reload scenario can drop a file there
        java.nio.file.Path fixtures;
        try {
            fixtures = java.nio.file.Files.createTempDirectory("friendli-kit-fixtures");
            fixtures.toFile().deleteOnExit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a fixture directory for the embedded mock", e);
        }
        MockServer server = MockServer.builder().port(0).seed(SEED).teams(java.util.Set.of(TEAM)).fixtures(fixtures)
                .fixturesPollMs(200).build().start();
        URI root = server.baseUri();
        String origin = root.toString().endsWith("/") ? root.toString().substring(0, root.toString().length() - 1) : root.toString();
        return new RunningTarget(URI.create(origin + "/serverless/v1"), Optional.of(URI.create(origin + "/__admin")),
                "mock", server);
    }
}
