package io.friendlikit.mock.script;

import io.friendlikit.mock.errors.ApiError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A fault's {@code times} counts exchanges that reached its phase, and only those. */
class FaultRegistryTest {

    private final FaultRegistry registry = new FaultRegistry();

    @Test
    void takingOnePhaseLeavesTheOthersUntouched() {
        registry.add(new Fault.DropDone(), 1);
        registry.add(new Fault.WrongUsageTotal(2), 2);
        assertThat(registry.take(Fault.Phase.USAGE)).containsExactly(new Fault.WrongUsageTotal(2));
        assertThat(registry.take(Fault.Phase.BEFORE_HEADERS)).isEmpty();
        assertThat(registry.list()).extracting(CappedRegistry.Entry::remaining).containsExactly(1, 1);
        assertThat(registry.take(Fault.Phase.END_OF_STREAM)).containsExactly(new Fault.DropDone());
        assertThat(registry.take(Fault.Phase.END_OF_STREAM)).isEmpty();
        assertThat(registry.take(Fault.Phase.USAGE)).hasSize(1);
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void faultsWithoutACountStayAndComeInTheOrderAdded() {
        registry.add(new Fault.MissingRole(), null);
        registry.add(new Fault.MixedIds(), 1);
        assertThat(registry.take(Fault.Phase.CHUNKS)).containsExactly(new Fault.MissingRole(), new Fault.MixedIds());
        assertThat(registry.take(Fault.Phase.CHUNKS)).containsExactly(new Fault.MissingRole());
    }

    @Test
    void onlyTheErrorThatAnswersIsUsedUp() {
        registry.add(new Fault.HttpError(503, "first", null), 1);
        registry.add(new Fault.HttpError(429, "second", 1), 1);
        assertThat(registry.takeFirst(Fault.Phase.BEFORE_HEADERS).flatMap(Fault::beforeHeaders))
                .map(ApiError::status).hasValue(503);
        assertThat(registry.takeFirst(Fault.Phase.BEFORE_HEADERS).flatMap(Fault::beforeHeaders))
                .map(ApiError::status).hasValue(429);
        assertThat(registry.takeFirst(Fault.Phase.BEFORE_HEADERS)).isEmpty();
    }

    @Test
    void concurrentExchangesShareACountWithoutOveruse() throws Exception {
        registry.add(new Fault.DropDone(), 50);
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    got.add(registry.take(Fault.Phase.END_OF_STREAM).size());
                });
            }
            go.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(got).hasSize(200);
        assertThat(got.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        assertThat(registry.list()).isEmpty();
    }
}
