package dev.terp.inventory.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private static final String COLUMNS = "id, batch_id, alert_type, severity, status, threshold, current_value, "
            + "message, acknowledged_by, acknowledged_at, resolved_at, resolution, version, created_at, updated_at";

    private final DatabaseClient db;

    AlertRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * What the rules need of a batch (a small copy of the batch lookup; batch/ is not ours to widen). createdAt is
     * the fallback for "in stock since" when a batch has no INTAKE movement (data from before movements existed).
     */
    record BatchFacts(long id, String status, BigDecimal onHand, LocalDate expiration, Instant createdAt) {
    }

    /** The next {@code limit} alertable batches after {@code afterId}, ascending id (keyset): one page of a run. */
    Mono<List<BatchFacts>> alertableBatches(long afterId, int limit) {
        return db.sql("SELECT id, status, on_hand_qty, expiration_date, created_at FROM batches "
                        + "WHERE status IN ('LIVE', 'PHOTOGRAPHY_COMPLETE') AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(row -> new BatchFacts(Rows.id(row, "id"), row.get("status", String.class),
                        row.get("on_hand_qty", BigDecimal.class), row.get("expiration_date", LocalDate.class),
                        Rows.instant(row, "created_at")))
                .all()
                .collectList();
    }

    /** How many batches are alertable now: the total a run reports its progress against. */
    Mono<Long> countAlertable() {
        return db.sql("SELECT COUNT(*) AS n FROM batches WHERE status IN ('LIVE', 'PHOTOGRAPHY_COMPLETE')")
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** When a batch last received stock (INTAKE) and last sold (SALE); either may be null. */
    record StockDates(Instant lastIntake, Instant lastSale) {
    }

    /**
     * Batch id → its latest INTAKE and SALE movement times, for the given batches (one page), in one grouped query
     * that dives into {@code idx_inventory_movements_batch_type_created} once per batch. The latest INTAKE, not the
     * batch row's creation, is when stock arrived: a batch can wait in AWAITING_INTAKE for weeks before an intake
     * session receives it.
     */
    Mono<Map<Long, StockDates>> stockDates(List<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT batch_id, "
                        + "MAX(CASE WHEN movement_type = 'INTAKE' THEN created_at END) AS last_intake, "
                        + "MAX(CASE WHEN movement_type = 'SALE' THEN created_at END) AS last_sale "
                        + "FROM inventory_movements WHERE batch_id IN (:ids) AND movement_type IN ('INTAKE', 'SALE') "
                        + "GROUP BY batch_id")
                .bind("ids", batchIds)
                .map(row -> Map.entry(Rows.id(row, "batch_id"), new StockDates(Rows.instant(row, "last_intake"),
                        Rows.instant(row, "last_sale"))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Open alerts (ACTIVE, ACKNOWLEDGED) counted per status, type and severity: one grouped query. */
    Flux<OpenCount> countOpen() {
        return db.sql("SELECT status, alert_type, severity, COUNT(*) AS n FROM inventory_alerts "
                        + "WHERE status IN ('ACTIVE', 'ACKNOWLEDGED') GROUP BY status, alert_type, severity")
                .map(row -> new OpenCount(row.get("status", String.class), row.get("alert_type", String.class),
                        row.get("severity", String.class), row.get("n", Long.class)))
                .all();
    }

    record OpenCount(String status, String type, String severity, long count) {
    }

    /**
     * The open alerts of the given batches (one page), locked. The locking read goes through the unique open slot
     * (batch_id, alert_type, open_slot) and so also locks the gaps where a missing alert of these batches would go:
     * a concurrent run's page over the same batches waits here, then sees what this one opened.
     */
    Flux<InventoryAlert> lockOpenOf(List<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM inventory_alerts WHERE batch_id IN (:ids) "
                        + "AND status IN ('ACTIVE', 'ACKNOWLEDGED') ORDER BY batch_id, alert_type"
                        + LockMode.WAIT.clause())
                .bind("ids", batchIds)
                .map(AlertRepository::toAlert)
                .all();
    }

    /**
     * The next {@code limit} open alerts after {@code afterId} (ascending id) whose batch is no longer alertable
     * (left LIVE/PHOTOGRAPHY_COMPLETE): what a run resolves after the batch pages. A plain read; the resolve
     * re-checks that each is still open.
     */
    Mono<List<Long>> staleOpenAlerts(long afterId, int limit) {
        return db.sql("SELECT a.id FROM inventory_alerts a JOIN batches b ON b.id = a.batch_id "
                        + "WHERE a.status IN ('ACTIVE', 'ACKNOWLEDGED') AND a.id > :after "
                        + "AND b.status NOT IN ('LIVE', 'PHOTOGRAPHY_COMPLETE') ORDER BY a.id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(row -> Rows.id(row, "id"))
                .all()
                .collectList();
    }

    /** Resolves those of the given alerts that are still open; answers how many it resolved. */
    Mono<Long> resolveOpen(List<Long> ids, String resolution) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("UPDATE inventory_alerts SET status = 'RESOLVED', open_slot = NULL, "
                        + "resolved_at = CURRENT_TIMESTAMP(6), resolution = :resolution, version = version + 1 "
                        + "WHERE id IN (:ids) AND status IN ('ACTIVE', 'ACKNOWLEDGED')")
                .bind("resolution", resolution)
                .bind("ids", ids)
                .fetch().rowsUpdated();
    }

    Mono<Long> insert(long batchId, String type, String severity, BigDecimal threshold, BigDecimal currentValue,
            String message) {
        return db.sql("INSERT INTO inventory_alerts (batch_id, alert_type, severity, status, threshold, current_value, "
                        + "message, open_slot) VALUES (:batchId, :type, :severity, 'ACTIVE', :threshold, :current, "
                        + ":message, 1)")
                .bind("batchId", batchId)
                .bind("type", type)
                .bind("severity", severity)
                .bind("threshold", threshold)
                .bind("current", currentValue)
                .bind("message", message)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    Mono<Long> updateFacts(long id, String severity, BigDecimal threshold, BigDecimal currentValue, String message) {
        return db.sql("UPDATE inventory_alerts SET severity = :severity, threshold = :threshold, "
                        + "current_value = :current, message = :message, version = version + 1 WHERE id = :id")
                .bind("severity", severity)
                .bind("threshold", threshold)
                .bind("current", currentValue)
                .bind("message", message)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> resolve(long id, String resolution) {
        return db.sql("UPDATE inventory_alerts SET status = 'RESOLVED', open_slot = NULL, "
                        + "resolved_at = CURRENT_TIMESTAMP(6), resolution = :resolution, version = version + 1 "
                        + "WHERE id = :id")
                .bind("resolution", resolution)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> acknowledge(long id, long userId) {
        return db.sql("UPDATE inventory_alerts SET status = 'ACKNOWLEDGED', acknowledged_by = :userId, "
                        + "acknowledged_at = CURRENT_TIMESTAMP(6), version = version + 1 WHERE id = :id")
                .bind("userId", userId)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<InventoryAlert> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_alerts WHERE id = :id")
                .bind("id", id)
                .map(AlertRepository::toAlert)
                .one();
    }

    Mono<InventoryAlert> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_alerts WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(AlertRepository::toAlert)
                .one();
    }

    /** Ascending id (keyset); null filters are ignored. */
    Mono<List<InventoryAlert>> list(String status, String type, Long batchId, PageRequest page) {
        String sql = "SELECT " + COLUMNS + " FROM inventory_alerts WHERE id > :after"
                + (status == null ? "" : " AND status = :status")
                + (type == null ? "" : " AND alert_type = :type")
                + (batchId == null ? "" : " AND batch_id = :batchId")
                + " ORDER BY id LIMIT :limit";
        DatabaseClient.GenericExecuteSpec query = db.sql(sql)
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (status != null) {
            query = query.bind("status", status);
        }
        if (type != null) {
            query = query.bind("type", type);
        }
        if (batchId != null) {
            query = query.bind("batchId", batchId);
        }
        return query.map(AlertRepository::toAlert).all().collectList();
    }

    private static InventoryAlert toAlert(Readable row) {
        return new InventoryAlert(
                Rows.id(row, "id"),
                Rows.id(row, "batch_id"),
                row.get("alert_type", String.class),
                row.get("severity", String.class),
                row.get("status", String.class),
                row.get("threshold", BigDecimal.class),
                row.get("current_value", BigDecimal.class),
                row.get("message", String.class),
                row.get("acknowledged_by", Long.class),
                Rows.instant(row, "acknowledged_at"),
                Rows.instant(row, "resolved_at"),
                row.get("resolution", String.class),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
