package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-class and per-method servers: which port, which state, when they stop. */
class LifecycleTest {

    /** Roots and servers seen by the samples, in order. */
    static final List<URI> roots = Collections.synchronizedList(new ArrayList<>());
    static final List<MockServer> servers = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void clear() {
        roots.clear();
        servers.clear();
    }

    @Test
    void perClassSharesOneServerAndResetsItAfterEachTest() {
        EngineExecutionResults results = Samples.run(PerClassSample.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertThat(roots).hasSize(3).containsOnly(roots.get(0));
        assertThat(servers).containsOnly(servers.get(0));
        assertThat(Chat.refusesConnections(roots.get(0))).as("stopped after the class").isTrue();
    }

    @Test
    void perMethodGivesEveryTestItsOwnServer() {
        EngineExecutionResults results = Samples.run(PerMethodSample.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertThat(roots).hasSize(4).doesNotHaveDuplicates();
        assertThat(servers).hasSize(4).doesNotHaveDuplicates();
        for (URI root : roots) {
            assertThat(Chat.refusesConnections(root)).as("%s stopped after its test", root).isTrue();
        }
    }

    @Test
    void aPerClassTestInstanceGetsTheServerInItsConstructor() {
        Samples.run(PerClassInstanceSample.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(roots).hasSize(2).containsOnly(roots.get(0));
    }

    @Sample
    @FriendliMock
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceSample {

        private final MockServer fromConstructor;

        PerClassInstanceSample(MockServer server) {
            this.fromConstructor = server;
        }

        @RepeatedTest(2)
        void usesIt(MockServer server) {
            assertThat(server).isSameAs(fromConstructor);
            assertThat(server.faults().list()).isEmpty();
            server.faults().add(new io.friendlikit.mock.script.Fault.MixedIds(), null);
            record(server);
        }
    }

    @Sample
    @FriendliMock
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassSample {

        @Test
        @Order(1)
        void addsAFaultAScenarioAndARequest(MockServer server, AdminClient admin) {
            record(server);
            admin.addFault(FaultSpec.httpError(500));
            admin.addScenario(ScenarioSpec.reply("scripted"));
            assertThat(Chat.post(server.serverlessUri(), Chat.VALID).statusCode()).isEqualTo(500);
        }

        @Test
        @Order(2)
        void seesNoneOfIt(MockServer server, AdminClient admin) {
            record(server);
            assertThat(admin.faults()).isEmpty();
            assertThat(admin.scenarios()).isEmpty();
            assertThat(admin.journal()).isEmpty();
            assertThat(Chat.post(server.serverlessUri(), Chat.VALID).statusCode()).isEqualTo(200);
            server.faults().add(new io.friendlikit.mock.script.Fault.DropDone(), null); // through the facade
        }

        @Test
        @Order(3)
        void seesNoFaultAddedThroughTheFacadeEither(MockServer server) {
            record(server);
            assertThat(server.faults().list()).isEmpty();
            assertThat(server.journal().entries()).isEmpty();
        }
    }

    @Sample
    @FriendliMock(lifecycle = FriendliMock.Lifecycle.PER_METHOD)
    static class PerMethodSample {

        private final MockServer fromConstructor;

        PerMethodSample(MockServer server) {
            this.fromConstructor = server;
        }

        @Test
        void one(MockServer server) {
            assertThat(server).isSameAs(fromConstructor);
            record(server);
            server.faults().add(new io.friendlikit.mock.script.Fault.DropDone(), null);
        }

        @Test
        void two(MockServer server, AdminClient admin) {
            assertThat(server).isSameAs(fromConstructor);
            record(server);
            assertThat(admin.faults()).isEmpty();
            admin.addFault(FaultSpec.dropDone());
        }

        @RepeatedTest(2)
        void repeated(MockServer server, @MockUri(MockUri.Kind.ROOT) URI root) {
            assertThat(server).isSameAs(fromConstructor);
            assertThat(root).isEqualTo(server.baseUri());
            assertThat(server.faults().list()).isEmpty();
            record(server);
        }
    }

    private static void record(MockServer server) {
        roots.add(server.baseUri());
        servers.add(server);
    }
}
