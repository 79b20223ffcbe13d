package dev.terp.platform.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.terp.platform.tx.TransactionRunner;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RowLocksIT {

    private static final LockableTable PROBE = new LockableTable("lock_probe");
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    RowLocks locks;

    @Autowired
    TransactionRunner tx;

    @Autowired
    TestDatabase rows;

    @BeforeEach
    void probeTable() {
        rows.update("CREATE TABLE IF NOT EXISTS lock_probe (id BIGINT PRIMARY KEY) ENGINE = InnoDB", Map.of());
    }

    @Test
    void locksExistingRowsInAscendingIdOrder() {
        long low = insert();
        long high = insert();

        tx.inRetryingTransaction(() -> locks.lockInIdOrder(PROBE, List.of(high, 999_999_999_999L, low, high),
                        LockMode.WAIT))
                .as(StepVerifier::create)
                .expectNext(List.of(low, high))
                .verifyComplete();
    }

    @Test
    void skipLockedLeavesOutRowsAnotherTransactionHolds() {
        long held = insert();
        long free = insert();

        Mono<List<Long>> holder = tx.inRetryingTransaction(() -> locks.lockInIdOrder(PROBE, List.of(held),
                LockMode.WAIT).delayUntil(locked -> Mono.delay(Duration.ofMillis(1500))));
        Mono<List<Long>> skipper = Mono.delay(Duration.ofMillis(400)).then(tx.inRetryingTransaction(() ->
                locks.lockInIdOrder(PROBE, List.of(held, free), LockMode.SKIP_LOCKED)));

        StepVerifier.create(Mono.zip(holder, skipper))
                .assertNext(both -> {
                    assertThat(both.getT1()).containsExactly(held);
                    assertThat(both.getT2()).containsExactly(free);
                })
                .verifyComplete();
    }

    @Test
    void noWaitFailsAtOnceWithRecordLockedWhenTheRowIsHeld() {
        long held = insert();

        Mono<List<Long>> holder = tx.inRetryingTransaction(() -> locks.lockInIdOrder(PROBE, List.of(held),
                LockMode.WAIT).delayUntil(locked -> Mono.delay(Duration.ofMillis(1500))));
        Mono<Object> impatient = Mono.delay(Duration.ofMillis(400)).then(tx.inRetryingTransaction(() ->
                        locks.lockInIdOrder(PROBE, List.of(held), LockMode.NOWAIT)))
                .<Object>map(ids -> ids)
                .onErrorResume(RecordLockedException.class, Mono::just);

        StepVerifier.create(Mono.zip(holder, impatient))
                .assertNext(both -> assertThat(both.getT2()).isInstanceOf(RecordLockedException.class))
                .verifyComplete();
    }

    private long insert() {
        long id = IDS.incrementAndGet();
        rows.update("INSERT INTO lock_probe (id) VALUES (:id)", Map.of("id", id));
        return id;
    }
}
