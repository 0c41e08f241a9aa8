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

    @Test
    void aFaultThatDoesNotFireKeepsItsUsesAndCountsItsDraws() {
        FaultRegistry seeded = new FaultRegistry(42);
        seeded.add(new Fault.DropDone(), 2, 0.3, 5L);
        List<Boolean> fired = new ArrayList<>();
        while (!seeded.list().isEmpty() && fired.size() < 1_000) {
            fired.add(!seeded.take(Fault.Phase.END_OF_STREAM).isEmpty());
        }
        assertThat(fired).as("fires exactly its times, then is gone").filteredOn(b -> b).hasSize(2);
        assertThat(fired).as("and some draws did not fire").contains(false);
        List<Boolean> expected = new ArrayList<>();
        for (long n = 0; n < fired.size(); n++) {
            expected.add(Chance.fires(42, 5, n, 0.3));
        }
        assertThat(fired).as("the documented draws, one per exchange reaching the phase").isEqualTo(expected);
        assertThat(fired.get(fired.size() - 1)).as("the last draw used it up").isTrue();
    }

    @Test
    void theDefaultSeedIsTheNumberInTheId() {
        FaultRegistry seeded = new FaultRegistry(0);
        seeded.add(new Fault.DropDone(), null);
        CappedRegistry.Entry<Fault> second = seeded.add(new Fault.MixedIds(), null, 0.5, null);
        assertThat(second.id()).isEqualTo("fault-2");
        assertThat(second.seed()).isEqualTo(2L);
        assertThat(second.probability()).isEqualTo(0.5);
        assertThat(seeded.add(new Fault.MixedIds(), null, 0.5, -9L).seed()).isEqualTo(-9L);
    }

    @Test
    void ofTheFaultsBeforeTheHeadersTheFirstThatFiresAnswersAndTheLaterOnesDoNotDraw() {
        FaultRegistry seeded = new FaultRegistry(1);
        seeded.add(new Fault.HttpError(500, "never", null), null, 0.0, null);
        seeded.add(new Fault.RateLimit(null, null, null, null), 1);
        seeded.add(new Fault.HttpError(503, "later", null), 1);
        assertThat(seeded.takeFirst(Fault.Phase.BEFORE_HEADERS)).containsInstanceOf(Fault.RateLimit.class);
        assertThat(seeded.list()).extracting(CappedRegistry.Entry::reached).containsExactly(1L, 0L);
        assertThat(seeded.takeFirst(Fault.Phase.BEFORE_HEADERS)).contains(new Fault.HttpError(503, "later", null));
        assertThat(seeded.takeFirst(Fault.Phase.BEFORE_HEADERS)).isEmpty();
        assertThat(seeded.list()).singleElement().extracting(CappedRegistry.Entry::reached).isEqualTo(3L);
    }

    @Test
    void aProbabilityOutOfRangeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.add(new Fault.DropDone(), null, 2.0, null))
                .isInstanceOf(InvalidMember.class).hasMessageContaining("probability");
        assertThat(registry.list()).isEmpty();
    }
}
