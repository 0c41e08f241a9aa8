package io.friendlikit.mock.http;

import io.friendlikit.mock.MockServer;
import io.friendlikit.mock.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;

/** A session's chance faults draw from the server's {@code --seed}, like the global ones: same seed, same firings. */
class SessionFaultSeedTest {

    private static final int REQUESTS = 40;

    private static List<Integer> statuses(long serverSeed) {
        try (TestServer mock = new TestServer(MockServer.builder().seed(serverSeed))) {
            mock.bare().contentType("application/json").header("X-Mock-Session", "s1")
                    .body("{\"type\":\"http_error\",\"status\":503,\"probability\":0.5}")
                    .post("/__admin/faults").then().statusCode(201);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                statuses.add(mock.authed().header("X-Mock-Session", "s1").body(body("\"max_tokens\":2"))
                        .post(CHAT).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void sameServerSeedGivesTheSameFiringsAndAnotherSeedOthers() {
        List<Integer> first = statuses(11);
        assertThat(first).contains(200, 503);
        assertThat(statuses(11)).isEqualTo(first);
        assertThat(statuses(12)).isNotEqualTo(first);
    }
}
