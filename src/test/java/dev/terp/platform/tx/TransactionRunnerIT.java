package dev.terp.platform.tx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TransactionRunnerIT {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    TransactionRunner tx;

    @Autowired
    TransactionalOperator operator;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void probeTable() {
        rows.update("CREATE TABLE IF NOT EXISTS tx_probe (id BIGINT PRIMARY KEY, val INT NOT NULL) ENGINE = InnoDB",
                Map.of());
    }

    @Test
    void aRealDeadlockIsRetriedAndBothTransactionsCommit() {
        long a = insertProbe(0);
        long b = insertProbe(0);
        AtomicInteger attempts = new AtomicInteger();
        double retriesBefore = deadlockRetries();

        Mono<Void> aThenB = tx.inRetryingTransaction(() -> {
            attempts.incrementAndGet();
            return lockAndIncrement(a).then(Mono.delay(Duration.ofMillis(400))).then(lockAndIncrement(b));
        });
        Mono<Void> bThenA = tx.inRetryingTransaction(() -> {
            attempts.incrementAndGet();
            return lockAndIncrement(b).then(Mono.delay(Duration.ofMillis(400))).then(lockAndIncrement(a));
        });

        Flux.merge(aThenB, bThenA).then()
                .as(StepVerifier::create)
                .verifyComplete();

        assertThat(attempts.get()).as("one of the two was re-run").isEqualTo(3);
        assertThat(deadlockRetries() - retriesBefore).isEqualTo(1.0);
        assertThat(valueOf(a)).isEqualTo(2);
        assertThat(valueOf(b)).isEqualTo(2);
    }

    /**
     * Every session waits {@code terp.database.lock-wait-timeout} (5 s) for a row lock, less than the 10 s deadline:
     * a transaction queued behind a long one gets error 1205, is re-run, and commits once the row is free.
     */
    @Test
    void aRealLockWaitTimeoutIsRetriedBeforeTheDeadline() {
        assertThat(rows.value("SELECT @@SESSION.innodb_lock_wait_timeout AS t", Map.of(), Long.class)).isEqualTo(5L);
        long id = insertProbe(0);
        AtomicInteger attempts = new AtomicInteger();
        double retriesBefore = meters.counter("terp.tx.retries", "reason", "lock_wait_timeout").count();

        Mono<Void> holder = lockAndIncrement(id).then(Mono.delay(Duration.ofMillis(6_500))).then()
                .as(operator::transactional);
        Mono<Void> waiter = Mono.delay(Duration.ofMillis(300)).then(tx.inRetryingTransaction(() -> {
            attempts.incrementAndGet();
            return lockAndIncrement(id);
        }));

        Flux.merge(holder, waiter).then()
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(attempts.get()).as("the waiter timed out once and was re-run").isGreaterThanOrEqualTo(2);
        assertThat(meters.counter("terp.tx.retries", "reason", "lock_wait_timeout").count() - retriesBefore)
                .isGreaterThanOrEqualTo(1.0);
        assertThat(valueOf(id)).isEqualTo(2);
    }

    @Test
    void aFailureMidwayRollsBackEverythingTheUnitOfWorkWrote() {
        long first = IDS.incrementAndGet();
        long second = IDS.incrementAndGet();

        tx.inRetryingTransaction(() -> insert(first, 1)
                        .then(insert(second, 2))
                        .then(Mono.error(new IllegalStateException("business rule broken after two writes"))))
                .as(StepVerifier::create)
                .expectErrorMessage("business rule broken after two writes")
                .verify();

        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isFalse();
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterTransactionAndFailsItWhole() {
        long outerRow = IDS.incrementAndGet();
        long innerRow = IDS.incrementAndGet();

        tx.inRetryingTransaction(() -> insert(outerRow, 1)
                        .then(tx.inRetryingTransaction(() -> insert(innerRow, 1)))
                        .then(Mono.error(new IllegalStateException("outer fails after inner wrote"))))
                .as(StepVerifier::create)
                .expectError(IllegalStateException.class)
                .verify();

        assertThat(exists(outerRow)).isFalse();
        assertThat(exists(innerRow)).isFalse();
    }

    @Test
    void aStuckTransactionFailsAtItsDeadlineAndIsRolledBack() {
        TransactionRunner impatient = new TransactionRunner(operator,
                new TransactionProperties(Duration.ofMillis(500), 3, Duration.ofMillis(10), Duration.ofMillis(50)),
                meters);
        long row = IDS.incrementAndGet();

        impatient.inRetryingTransaction(() -> insert(row, 1)
                        .then(db.sql("SELECT SLEEP(3) AS slept").map(r -> 1).one()))
                .as(StepVerifier::create)
                .expectError(TransactionDeadlineExceededException.class)
                .verify(Duration.ofSeconds(2));

        // The rollback runs once the server finishes the sleeping statement; the row must never become visible.
        Mono.delay(Duration.ofMillis(3500))
                .then(db.sql("SELECT COUNT(*) AS n FROM tx_probe WHERE id = :id").bind("id", row)
                        .map(r -> r.get("n", Long.class)).one())
                .as(StepVerifier::create)
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void retriesStopAtTheConfiguredBoundWithAServiceUnavailableError() {
        TransactionRunner twice = new TransactionRunner(operator,
                new TransactionProperties(Duration.ofSeconds(5), 2, Duration.ofMillis(1), Duration.ofMillis(5)),
                meters);
        AtomicInteger attempts = new AtomicInteger();

        twice.inRetryingTransaction(() -> {
                    attempts.incrementAndGet();
                    return Mono.error(new org.springframework.dao.TransientDataAccessResourceException("deadlock",
                            new io.r2dbc.spi.R2dbcTransientResourceException("Deadlock found", "40001", 1213)));
                })
                .as(StepVerifier::create)
                .expectError(TransactionRetriesExhaustedException.class)
                .verify();

        assertThat(attempts.get()).isEqualTo(3);
    }

    private Mono<Void> lockAndIncrement(long id) {
        return db.sql("SELECT val FROM tx_probe WHERE id = :id FOR UPDATE").bind("id", id)
                .map(row -> row.get("val", Integer.class)).one()
                .flatMap(val -> db.sql("UPDATE tx_probe SET val = :val WHERE id = :id")
                        .bind("val", val + 1).bind("id", id).then());
    }

    private Mono<Void> insert(long id, int val) {
        return db.sql("INSERT INTO tx_probe (id, val) VALUES (:id, :val)").bind("id", id).bind("val", val).then();
    }

    private long insertProbe(int val) {
        long id = IDS.incrementAndGet();
        insert(id, val).as(StepVerifier::create).verifyComplete();
        return id;
    }

    private boolean exists(long id) {
        return rows.count("SELECT COUNT(*) AS n FROM tx_probe WHERE id = :id", Map.of("id", id)) > 0;
    }

    private int valueOf(long id) {
        return rows.value("SELECT val FROM tx_probe WHERE id = :id", Map.of("id", id), Integer.class);
    }

    private double deadlockRetries() {
        return meters.counter("terp.tx.retries", "reason", "deadlock").count();
    }
}
