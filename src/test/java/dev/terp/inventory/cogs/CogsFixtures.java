package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.terp.support.TestBatches;
import dev.terp.support.TestDatabase;

import org.springframework.r2dbc.core.DatabaseClient;

import static dev.terp.support.TestBatches.aBatch;

/** Test batches with COGS settings and SALE movements, written straight into the tables. */
final class CogsFixtures {

    private final TestDatabase db;

    CogsFixtures(DatabaseClient db) {
        this.db = new TestDatabase(db);
    }

    long fixedBatch(String unitCogs) {
        return batch().withFixedCogs(unitCogs).insert(db).id();
    }

    long rangeBatch(String min, String max) {
        return batch().withRangeCogs(min, max).insert(db).id();
    }

    /**
     * LIVE with 100 on hand, in SQL: these tests read the batch's audit trail and cost history from empty, and record
     * sales that only the sales module (not built yet) can make through the API.
     */
    private static TestBatches.Spec batch() {
        return aBatch().named("Cogs").withStatus("LIVE").withOnHand("100");
    }

    /**
     * A sale of {@code qty} at 20.00 as ReservationPort.consume records it: its batch_sales row at the batch's cost
     * basis, and the SALE movements of both buckets.
     */
    void sale(long batchId, String qty) {
        BigDecimal quantity = new BigDecimal(qty);
        db.insert("INSERT INTO batch_sales (batch_id, quantity, unit_price, unit_cost, sold_by) "
                        + "SELECT id, :qty, 20.00, "
                        + "ROUND(COALESCE(unit_cogs, (unit_cogs_min + unit_cogs_max) / 2), 2), 1 FROM batches "
                        + "WHERE id = :batchId",
                Map.of("qty", quantity, "batchId", batchId));
        movement(batchId, "SALE", "ON_HAND", quantity.negate());
        movement(batchId, "SALE", "RESERVED", quantity.negate());
    }

    /** The unit costs the batch's recorded sales carry, oldest first. */
    List<BigDecimal> saleCosts(long batchId) {
        return db.list("SELECT unit_cost FROM batch_sales WHERE batch_id = :id ORDER BY id", Map.of("id", batchId),
                row -> row.get("unit_cost", BigDecimal.class));
    }

    void movement(long batchId, String type, String bucket, BigDecimal change) {
        db.insert("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, performed_by) VALUES (:batchId, :type, :bucket, :change, 1000, :after, 1)",
                Map.of("batchId", batchId, "type", type, "bucket", bucket, "change", change,
                        "after", new BigDecimal("1000").add(change)));
    }

    record CogsRow(String mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max, long version) {
    }

    CogsRow cogs(long batchId) {
        return db.list("SELECT cogs_mode, unit_cogs, unit_cogs_min, unit_cogs_max, version FROM batches WHERE id = :id",
                Map.of("id", batchId),
                row -> new CogsRow(row.get("cogs_mode", String.class), row.get("unit_cogs", BigDecimal.class),
                        row.get("unit_cogs_min", BigDecimal.class), row.get("unit_cogs_max", BigDecimal.class),
                        row.get("version", Long.class))).get(0);
    }

    record HistoryRow(BigDecimal oldUnitCogs, BigDecimal newUnitCogs, BigDecimal oldMin, BigDecimal newMin,
            BigDecimal oldMax, BigDecimal newMax, String changeType, String reason, int affectedSales,
            long changedBy) {
    }

    List<HistoryRow> history(long batchId) {
        return db.list("SELECT old_unit_cogs, new_unit_cogs, old_min, new_min, old_max, new_max, change_type, reason, "
                        + "affected_sales, changed_by FROM cogs_history WHERE batch_id = :id ORDER BY id",
                                Map.of("id", batchId),
                row -> new HistoryRow(row.get("old_unit_cogs", BigDecimal.class),
                        row.get("new_unit_cogs", BigDecimal.class), row.get("old_min", BigDecimal.class),
                        row.get("new_min", BigDecimal.class), row.get("old_max", BigDecimal.class),
                        row.get("new_max", BigDecimal.class), row.get("change_type", String.class),
                        row.get("reason", String.class), row.get("affected_sales", Integer.class),
                        row.get("changed_by", Long.class)));
    }

    record CorrectionRow(long saleId, long historyId, BigDecimal quantity, BigDecimal oldUnitCost,
            BigDecimal newUnitCost, BigDecimal amount, long createdBy, boolean posted) {
    }

    /** The batch's COGS corrections, oldest first. */
    List<CorrectionRow> corrections(long batchId) {
        return db.list("SELECT batch_sale_id, cogs_history_id, quantity, old_unit_cost, new_unit_cost, amount, "
                        + "created_by, posted_at FROM cogs_corrections WHERE batch_id = :id ORDER BY id",
                                Map.of("id", batchId),
                row -> new CorrectionRow(row.get("batch_sale_id", Long.class),
                        row.get("cogs_history_id", Long.class), row.get("quantity", BigDecimal.class),
                        row.get("old_unit_cost", BigDecimal.class), row.get("new_unit_cost", BigDecimal.class),
                        row.get("amount", BigDecimal.class), row.get("created_by", Long.class),
                        row.get("posted_at", java.time.LocalDateTime.class) != null));
    }

    /** The batch's recorded sale ids, oldest first. */
    List<Long> saleIds(long batchId) {
        return db.list("SELECT id FROM batch_sales WHERE batch_id = :id ORDER BY id", Map.of("id", batchId),
                row -> row.get("id", Long.class));
    }

    /** The batch's cogs_history ids, oldest first. */
    List<Long> historyIds(long batchId) {
        return db.list("SELECT id FROM cogs_history WHERE batch_id = :id ORDER BY id", Map.of("id", batchId),
                row -> row.get("id", Long.class));
    }

    record AuditRow(String action, Long actorId, String before, String after, String reason) {
    }

    List<AuditRow> audits(long batchId) {
        return db.list("SELECT action, actor_id, before_state, after_state, reason FROM audit_logs "
                        + "WHERE entity = 'Batch' AND entity_id = :id ORDER BY id", Map.of("id", batchId),
                row -> new AuditRow(row.get("action", String.class), row.get("actor_id", Long.class),
                        row.get("before_state", String.class), row.get("after_state", String.class),
                        row.get("reason", String.class)));
    }
}
