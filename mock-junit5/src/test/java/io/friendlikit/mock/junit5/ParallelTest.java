package io.friendlikit.mock.junit5;

import io.friendlikit.mock.MockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JUnit's parallel execution on: tests sharing a per-class server take turns, per-method servers run side by
 * side, and no test sees another's fault.
 */
class ParallelTest {

    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    static final CyclicBarrier bothPerMethodTests = new CyclicBarrier(2);
    static final Set<URI> perMethodRoots = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void clear() {
        running.set(0);
        mostAtOnce.set(0);
        bothPerMethodTests.reset();
        perMethodRoots.clear();
    }

    @Test
    void testsOfASharedServerTakeTurnsAndEachSeesOnlyItsOwnFault() {
        Samples.runInParallel(SharedSample.class).testEvents()
                .assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertThat(mostAtOnce).as("tests inside the shared server's turn at once").hasValue(1);
    }

    @Test
    void perMethodServersRunSideBySide() {
        Samples.runInParallel(OwnServerSample.class).testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(perMethodRoots).hasSize(2);
    }

    @Sample
    @FriendliMock
    static class SharedSample {

        @RepeatedTest(4)
        void addsAFaultAndSeesOnlyIt(MockServer server, AdminClient admin) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                String id = admin.addFault(FaultSpec.dropDone());
                Thread.sleep(100);
                assertThat(admin.faults()).extracting(AdminClient.ActiveFault::id).containsExactly(id);
                assertThat(Chat.post(server.serverlessUri(), Chat.VALID).statusCode()).isEqualTo(200);
                assertThat(admin.journal()).hasSize(1);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Sample
    @FriendliMock(lifecycle = FriendliMock.Lifecycle.PER_METHOD)
    static class OwnServerSample {

        @Test
        void one(MockServer server, AdminClient admin) throws Exception {
            meetTheOther(server, admin);
        }

        @Test
        void two(MockServer server, AdminClient admin) throws Exception {
            meetTheOther(server, admin);
        }

        private static void meetTheOther(MockServer server, AdminClient admin) throws Exception {
            perMethodRoots.add(server.baseUri());
            String id = admin.addFault(FaultSpec.httpError(503));
            bothPerMethodTests.await(20, TimeUnit.SECONDS); // fails unless both run at the same time
            assertThat(admin.faults()).extracting(AdminClient.ActiveFault::id).containsExactly(id);
        }
    }
}
