package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventConditions;
import org.opentest4j.AssertionFailedError;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** failOnViolations: a test whose requests broke a rule fails, naming them; other tests are not blamed. */
class FailOnViolationsTest {

    @Test
    void aTestThatSentABadRequestFailsWithEveryViolationListed() {
        EngineExecutionResults results = Samples.run(StrictSample.class);

        results.testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(2));
        String failure = failureMessage(results, "sendsABadRequest");
        assertThat(failure).isEqualTo("""
                1 request to the Friendli mock broke its rules during this test (@FriendliMock failOnViolations):
                  #2 POST /serverless/v1/chat/completions -> 422
                      top_p [VAL-RANGE, out_of_range]: top_p must be in (0, 1], got 0
                If the test sends these on purpose, annotate it with @AllowViolations.""");
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("sendsAGoodRequestAfterTheBadOne"), finishedSuccessfully()))
                .haveExactly(1, event(test("sendsBadRequestsOnPurpose"), finishedSuccessfully()))
                .haveExactly(1, event(test("sendsNothing"), finishedSuccessfully()));
    }

    @Test
    void severalBrokenRulesAreAllListed() {
        String failure = failureMessage(Samples.run(StrictSample.class), "sendsTwoBadRequests");
        assertThat(failure).startsWith("2 requests to the Friendli mock broke its rules during this test")
                .contains("top_p [VAL-RANGE, out_of_range]: top_p must be in (0, 1], got 0")
                .contains("-> 422\n      messages")
                .containsPattern("#\\d+ POST /dedicated/v1/chat/completions -> 422");
    }

    @Test
    void withoutTheOptionBadRequestsPass() {
        Samples.run(LenientSample.class).testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void aPerMethodServerIsCheckedToo() {
        EngineExecutionResults results = Samples.run(StrictPerMethodSample.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(failureMessage(results, "bad")).contains("#1 POST /serverless/v1/chat/completions -> 422");
    }

    @Test
    void theTestsOwnFailureComesFirst() {
        EngineExecutionResults results = Samples.run(FailsItselfSample.class);
        results.testEvents().assertThatEvents().haveExactly(1, event(test("failsAndSendsABadRequest"),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message("its own assertion"))));
    }

    private static String failureMessage(EngineExecutionResults results, String method) {
        Event failed = results.testEvents().failed().filter(e -> EventConditions.test(method).matches(e))
                .findFirst().orElseThrow(() -> new AssertionError(method + " did not fail"));
        Throwable thrown = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(thrown).isInstanceOf(AssertionFailedError.class);
        return thrown.getMessage();
    }

    @Sample
    @FriendliMock(failOnViolations = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StrictSample {

        @Test
        @Order(1)
        void sendsABadRequest(@MockUri URI base) {
            assertThat(Chat.post(base, Chat.VALID).statusCode()).isEqualTo(200);
            assertThat(Chat.post(base, Chat.BAD_TOP_P).statusCode()).isEqualTo(422);
        }

        @Test
        @Order(2)
        void sendsAGoodRequestAfterTheBadOne(@MockUri URI base) {
            assertThat(Chat.post(base, Chat.VALID).statusCode()).isEqualTo(200);
        }

        @Test
        @Order(3)
        @AllowViolations
        void sendsBadRequestsOnPurpose(@MockUri URI base) {
            assertThat(Chat.post(base, Chat.BAD_TOP_P).statusCode()).isEqualTo(422);
        }

        @Test
        @Order(4)
        void sendsTwoBadRequests(@MockUri URI base, @MockUri(MockUri.Kind.DEDICATED) URI dedicated) {
            Chat.post(base, Chat.BAD_TOP_P);
            Chat.post(dedicated, "{\"model\":\"dep0mockendpt01\",\"messages\":[]}");
        }

        @Test
        @Order(5)
        void sendsNothing() {
        }
    }

    @Sample
    @FriendliMock
    static class LenientSample {

        @Test
        void sendsABadRequest(@MockUri URI base) {
            assertThat(Chat.post(base, Chat.BAD_TOP_P).statusCode()).isEqualTo(422);
        }
    }

    @Sample
    @FriendliMock(failOnViolations = true, lifecycle = FriendliMock.Lifecycle.PER_METHOD)
    static class StrictPerMethodSample {

        @Test
        void bad(MockServer server) {
            Chat.post(server.serverlessUri(), Chat.BAD_TOP_P);
        }

        @Test
        void good(MockServer server) {
            Chat.post(server.serverlessUri(), Chat.VALID);
        }
    }

    @Sample
    @FriendliMock(failOnViolations = true)
    static class FailsItselfSample {

        @Test
        void failsAndSendsABadRequest(@MockUri URI base) {
            Chat.post(base, Chat.BAD_TOP_P);
            throw new AssertionFailedError("its own assertion");
        }
    }
}
