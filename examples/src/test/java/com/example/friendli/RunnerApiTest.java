package com.example.friendli;

import io.friendlikit.conformance.ConformanceKit;
import io.friendlikit.conformance.cli.KitRunner;
import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit from code: start a server, run some of the scenarios against its base URL, check the outcome. */
class RunnerApiTest {

    @Test
    void theStreamingAndPlainAnswerRulesHoldForAServerThisTestStarted() {
        try (MockServer server = MockServer.builder().port(0).teams(Set.of(StartedMockProvider.TEAM)).build().start()) {
            KitRunner.RunResult result = ConformanceKit.against(server.serverlessUri())
                    .token("example-token")
                    .tags("@SSE-01 or @SSE-04 or @SSE-07 or @RESP-01 or @RESP-08")
                    .reportDir(Path.of("target", "runner-api-reports"))
                    .run();

            assertTrue(result.found() > 0, "scenarios selected: " + result.found());
            assertEquals(0, result.failed(), () -> "failed scenarios: " + result.outcomes());
            assertEquals(result.found(), result.succeeded(), () -> "outcomes: " + result.outcomes());
        }
    }
}
