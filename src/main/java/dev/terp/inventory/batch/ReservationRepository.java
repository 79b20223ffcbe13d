package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reservation rows. Every writer holds the batch row lock (StockKeeper), so one batch's rows change one transaction
 * at a time; reads inside a change are locking (current) reads, never the transaction's older snapshot.
 */
@Repository
class ReservationRepository {

    private static final String COLUMNS = "id, batch_id, holder_type, holder_id, quantity, reserved_by, created_at, "
            + "updated_at";

    private final DatabaseClient db;

    ReservationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What the holder holds of the batch: 0 when nothing. Call it with the batch row locked. */
    Mono<BigDecimal> lockHeld(long batchId, StockReference holder) {
        return db.sql("SELECT quantity FROM stock_reservations WHERE batch_id = :batchId AND holder_type = :type "
                        + "AND holder_id = :holderId" + LockMode.WAIT.clause())
                .bind("batchId", batchId)
                .bind("type", holder.referenceType())
                .bind("holderId", holder.referenceId())
                .map(row -> row.get("quantity", BigDecimal.class))
                .one()
                .defaultIfEmpty(BigDecimal.ZERO);
    }

    /**
     * Adds {@code delta} (signed) to the holder's row: a positive one creates the row if needed, a negative one only
     * ever meets an existing row (the caller checked what is held); a row that reaches zero is deleted. Two
     * statements, because a CHECK on the inserted values would refuse a negative delta before the upsert applies.
     */
    Mono<Void> change(long batchId, StockReference holder, BigDecimal delta, long actorId) {
        if (delta.signum() > 0) {
            return db.sql("INSERT INTO stock_reservations (batch_id, holder_type, holder_id, quantity, reserved_by) "
                            + "VALUES (:batchId, :type, :holderId, :delta, :actor) "
                            + "ON DUPLICATE KEY UPDATE quantity = quantity + VALUES(quantity), version = version + 1")
                    .bind("batchId", batchId)
                    .bind("type", holder.referenceType())
                    .bind("holderId", holder.referenceId())
                    .bind("delta", delta)
                    .bind("actor", actorId)
                    .fetch().rowsUpdated().then();
        }
        return db.sql("UPDATE stock_reservations SET quantity = quantity + :delta, version = version + 1 "
                        + "WHERE batch_id = :batchId AND holder_type = :type AND holder_id = :holderId")
                .bind("delta", delta)
                .bind("batchId", batchId)
                .bind("type", holder.referenceType())
                .bind("holderId", holder.referenceId())
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM stock_reservations WHERE batch_id = :batchId AND holder_type = :type "
                                + "AND holder_id = :holderId AND quantity = 0")
                        .bind("batchId", batchId)
                        .bind("type", holder.referenceType())
                        .bind("holderId", holder.referenceId())
                        .fetch().rowsUpdated())
                .then();
    }

    /** One keyset page of the batch's holders, by reservation id (the order they first reserved in). */
    Mono<List<Reservation>> listForBatch(long batchId, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM stock_reservations WHERE batch_id = :batchId AND id > :after "
                        + "ORDER BY id LIMIT :limit")
                .bind("batchId", batchId)
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize())
                .map(ReservationRepository::toReservation)
                .all().collectList();
    }

    Flux<Reservation> heldBy(StockReference holder) {
        return db.sql("SELECT " + COLUMNS + " FROM stock_reservations WHERE holder_type = :type "
                        + "AND holder_id = :holderId ORDER BY batch_id")
                .bind("type", holder.referenceType())
                .bind("holderId", holder.referenceId())
                .map(ReservationRepository::toReservation)
                .all();
    }

    private static Reservation toReservation(Readable row) {
        return new Reservation(Rows.id(row, "id"), Rows.id(row, "batch_id"),
                StockReference.of(row.get("holder_type", String.class), Rows.id(row, "holder_id")),
                row.get("quantity", BigDecimal.class), Rows.id(row, "reserved_by"), Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
