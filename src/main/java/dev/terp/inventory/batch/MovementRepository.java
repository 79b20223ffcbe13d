package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.MovementType;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

@Repository
class MovementRepository {

    private static final String COLUMNS = "id, batch_id, movement_type, bucket, location_id, quantity_change, quantity_before, "
            + "quantity_after, reference_type, reference_id, reason, performed_by, reverses_movement_id, created_at";

    private final DatabaseClient db;

    MovementRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(NewMovement movement) {
        return db.sql("INSERT INTO inventory_movements (batch_id, movement_type, bucket, location_id, quantity_change, "
                        + "quantity_before, quantity_after, reference_type, reference_id, reason, performed_by, "
                        + "reverses_movement_id) VALUES (:batchId, :type, :bucket, :locationId, :change, :before, :after, "
                        + ":referenceType, :referenceId, :reason, :performedBy, :reverses)")
                .bind("batchId", movement.batchId())
                .bind("type", movement.type().name())
                .bind("bucket", movement.bucket().name())
                .bind("locationId", Parameter.fromOrEmpty(movement.locationId(), Long.class))
                .bind("change", movement.after().subtract(movement.before()))
                .bind("before", movement.before())
                .bind("after", movement.after())
                .bind("referenceType", Parameter.fromOrEmpty(movement.reference().referenceType(), String.class))
                .bind("referenceId", Parameter.fromOrEmpty(movement.reference().referenceId(), Long.class))
                .bind("reason", Parameter.fromOrEmpty(movement.reason(), String.class))
                .bind("performedBy", movement.performedBy())
                .bind("reverses", Parameter.fromOrEmpty(movement.reversesMovementId(), Long.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<InventoryMovement> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_movements WHERE id = :id")
                .bind("id", id)
                .map(MovementRepository::toMovement)
                .one();
    }

    Mono<Boolean> isReversed(long id) {
        return db.sql("SELECT COUNT(*) AS n FROM inventory_movements WHERE reverses_movement_id = :id")
                .bind("id", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(count -> count > 0);
    }

    Mono<InventoryMovement> reversalOf(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_movements WHERE reverses_movement_id = :id")
                .bind("id", id)
                .map(MovementRepository::toMovement)
                .one();
    }

    /** Newest first: the cursor is the id of the last (oldest) row of the previous page. */
    Mono<List<InventoryMovement>> listForBatch(long batchId, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_movements WHERE batch_id = :batchId AND id < :before "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("batchId", batchId)
                .bind("before", page.afterId() == 0 ? Long.MAX_VALUE : page.afterId())
                .bind("limit", page.fetchSize())
                .map(MovementRepository::toMovement)
                .all().collectList();
    }

    /** Newest first across batches, as {@link #listForBatch}; the reference index ends in the primary key. */
    Mono<List<InventoryMovement>> listForReference(String referenceType, long referenceId, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_movements WHERE reference_type = :referenceType "
                        + "AND reference_id = :referenceId AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("referenceType", referenceType)
                .bind("referenceId", referenceId)
                .bind("before", page.afterId() == 0 ? Long.MAX_VALUE : page.afterId())
                .bind("limit", page.fetchSize())
                .map(MovementRepository::toMovement)
                .all().collectList();
    }

    /**
     * The ON_HAND bucket's total change per movement type. Location-scoped rows (transfers) are left out: their
     * before/after are one location's quantity and a transfer leaves on-hand unchanged.
     */
    Flux<BatchService.TypeTotal> onHandTotals(long batchId) {
        return db.sql("SELECT movement_type, SUM(quantity_change) AS total, COUNT(*) AS n FROM inventory_movements "
                        + "WHERE batch_id = :batchId AND bucket = 'ON_HAND' AND location_id IS NULL "
                        + "GROUP BY movement_type")
                .bind("batchId", batchId)
                .map(row -> new BatchService.TypeTotal(MovementType.valueOf(row.get("movement_type", String.class)),
                        row.get("total", BigDecimal.class), row.get("n", Long.class)))
                .all();
    }

    /** {@code locationId} set: before/after are that location's quantity, not the batch's bucket total. */
    record NewMovement(long batchId, MovementType type, Bucket bucket, BigDecimal before, BigDecimal after,
            StockReference reference, String reason, long performedBy, Long reversesMovementId, Long locationId) {

        NewMovement(long batchId, MovementType type, Bucket bucket, BigDecimal before, BigDecimal after,
                StockReference reference, String reason, long performedBy, Long reversesMovementId) {
            this(batchId, type, bucket, before, after, reference, reason, performedBy, reversesMovementId, null);
        }
    }

    private static InventoryMovement toMovement(Readable row) {
        return new InventoryMovement(
                Rows.id(row, "id"),
                Rows.id(row, "batch_id"),
                MovementType.valueOf(row.get("movement_type", String.class)),
                Bucket.valueOf(row.get("bucket", String.class)),
                row.get("quantity_change", BigDecimal.class),
                row.get("quantity_before", BigDecimal.class),
                row.get("quantity_after", BigDecimal.class),
                row.get("reference_type", String.class),
                row.get("reference_id", Long.class),
                row.get("reason", String.class),
                Rows.id(row, "performed_by"),
                row.get("reverses_movement_id", Long.class),
                Rows.instant(row, "created_at"),
                row.get("location_id", Long.class));
    }
}
