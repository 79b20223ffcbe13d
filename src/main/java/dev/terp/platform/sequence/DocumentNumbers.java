package dev.terp.platform.sequence;

import java.time.Clock;
import java.time.LocalDate;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Hands out document numbers (lots, batches, orders, journal entries, ...) without MAX(id)+1, clock values or
 * random suffixes (defect D-15). See {@link NumberingStrategy} for the two strategies and their costs.
 */
@Component
public class DocumentNumbers {

    private final DatabaseClient db;
    private final Clock clock;

    public DocumentNumbers(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The next number of the series, formatted. Runs inside the caller's transaction if there is one. */
    public Mono<String> next(DocumentSeries series) {
        int year = LocalDate.now(clock).getYear();
        Mono<Long> number = switch (series.strategy()) {
            case STANDARD -> allocateStandard(series);
            case GAPLESS -> requireTransaction(series).then(allocateGapless(series.counterKey(year)));
        };
        return number.map(n -> series.format(n, year));
    }

    private Mono<Long> allocateStandard(DocumentSeries series) {
        // The table name comes from the series constant (validated prefix), never from user input.
        return db.sql("INSERT INTO " + series.allocationTable() + " (allocated_at) VALUES (CURRENT_TIMESTAMP(6))")
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    private Mono<Long> allocateGapless(String counterKey) {
        // The upsert takes the row lock, which the caller's transaction holds until it commits or rolls back.
        return db.sql("INSERT INTO document_counters (counter_key, last_value) VALUES (:key, 1) "
                        + "ON DUPLICATE KEY UPDATE last_value = last_value + 1")
                .bind("key", counterKey)
                .fetch().rowsUpdated()
                .then(db.sql("SELECT last_value FROM document_counters WHERE counter_key = :key")
                        .bind("key", counterKey)
                        .map(row -> row.get("last_value", Long.class))
                        .one());
    }

    private static Mono<Void> requireTransaction(DocumentSeries series) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .onErrorResume(NoTransactionException.class, none -> Mono.empty())
                .switchIfEmpty(Mono.error(new IllegalStateException("Gapless series " + series.prefix()
                        + " must be allocated inside the transaction that stores the document")))
                .then();
    }
}
