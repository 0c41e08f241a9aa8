package io.friendlikit.mock.http;

import io.friendlikit.mock.SseFrames;
import io.friendlikit.mock.TestServer;
import io.friendlikit.mock.script.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static io.friendlikit.mock.TestServer.CHAT;
import static io.friendlikit.mock.TestServer.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A fault with {@code times} is used up only by exchanges in which its phase runs: a stream fault survives plain
 * requests and requests refused before the stream is shaped; a before-headers fault goes to the next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultConsumptionTest {

    private TestServer mock;

    @BeforeAll
    void start() {
        mock = TestServer.start();
    }

    @AfterAll
    void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.server().reset();
    }

    private List<String> stream() {
        return SseFrames.payloads(mock.rawPost(CHAT, body("\"stream\":true")).body());
    }

    @Test
    void streamFaultSurvivesAPlainRequest() {
        mock.server().faults().add(new Fault.DropDone(), 1);
        mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        assertThat(stream()).as("the first stream after the plain request").isNotEmpty().doesNotContain("[DONE]");
        assertThat(stream()).as("the fault is used up by that stream").endsWith("[DONE]");
        assertThat(mock.server().faults().list()).isEmpty();
    }

    @Test
    void streamFaultSurvivesRequestsRefusedEarlier() {
        mock.server().faults().add(new Fault.DropDone(), 1);
        mock.bare().contentType("application/json").body(body("\"stream\":true")).post(CHAT).then().statusCode(401);
        mock.authed().body(body("\"stream\":true,\"top_p\":0")).post(CHAT).then().statusCode(422);
        mock.authed().body(body("\"stream\":true,\"n\":2,\"max_tokens\":20000000")).post(CHAT).then()
                .statusCode(422);
        assertThat(mock.server().faults().list()).as("still waiting for a stream").hasSize(1);
        assertThat(stream()).isNotEmpty().doesNotContain("[DONE]");
        assertThat(stream()).endsWith("[DONE]");
    }

    @Test
    void usageFaultIsNotUsedByAStreamWithoutUsage() {
        mock.server().faults().add(new Fault.WrongUsageTotal(5), 1);
        assertThat(stream()).endsWith("[DONE]");
        var usage = mock.authed().body(body("")).post(CHAT).then().statusCode(200).extract().jsonPath();
        assertThat(usage.getInt("usage.total_tokens"))
                .isEqualTo(usage.getInt("usage.prompt_tokens") + usage.getInt("usage.completion_tokens") + 5);
        var next = mock.authed().body(body("")).post(CHAT).then().statusCode(200).extract().jsonPath();
        assertThat(next.getInt("usage.total_tokens"))
                .isEqualTo(next.getInt("usage.prompt_tokens") + next.getInt("usage.completion_tokens"));
    }

    @Test
    void beforeHeadersFaultIsConsumedByTheNextRequestWhateverItIs() {
        mock.server().faults().add(new Fault.HttpError(503, "overloaded", null), 1);
        mock.server().faults().add(new Fault.DropDone(), 1);
        mock.bare().body("not even json").post(CHAT).then().statusCode(503).body("message", equalTo("overloaded"));
        mock.bare().contentType("application/json").body(body("")).post(CHAT).then().statusCode(401);
        assertThat(mock.server().faults().list()).extracting(r -> r.value().type()).containsExactly("drop_done");
        assertThat(stream()).doesNotContain("[DONE]");
    }

    @Test
    void journalNamesOnlyTheFaultsThatApplied() {
        mock.server().faults().add(new Fault.DropDone(), null);
        mock.server().faults().add(new Fault.WrongUsageTotal(1), null);
        mock.authed().body(body("")).post(CHAT).then().statusCode(200);
        stream();
        var entries = mock.server().journal().entries();
        assertThat(entries.get(0).faults()).containsExactly("wrong_usage_total");
        assertThat(entries.get(1).faults()).containsExactly("drop_done");
        assertThat(mock.server().faults().list()).hasSize(2);
    }
}
