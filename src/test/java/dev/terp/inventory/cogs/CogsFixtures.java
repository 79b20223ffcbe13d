package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/** Test batches with COGS settings and SALE movements, written straight into the tables. */
final class CogsFixtures {

    private final DatabaseClient db;

    CogsFixtures(DatabaseClient db) {
        this.db = db;
    }

    long fixedBatch(String unitCogs) {
        return batch("FIXED", new BigDecimal(unitCogs), null, null);
    }

    long rangeBatch(String min, String max) {
        return batch("RANGE", null, new BigDecimal(min), new BigDecimal(max));
    }

    private long batch(String mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max) {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long vendorId = insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", "Cogs Vendor " + tag));
        long brandId = insert("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendorId)",
                Map.of("name", "Cogs Brand " + tag, "vendorId", vendorId));
        long categoryId = insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", "Cogs Cat " + tag));
        long productId = insert("INSERT INTO products (brand_id, name_canonical, category_id) "
                        + "VALUES (:brandId, :name, :categoryId)",
                Map.of("brandId", brandId, "name", "Cogs Product " + tag, "categoryId", categoryId));
        long lotId = insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, CURRENT_DATE)",
                Map.of("code", "LOT-C" + tag, "vendorId", vendorId));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", "BCH-C" + tag);
        values.put("sku", "COGS-" + tag);
        values.put("productId", productId);
        values.put("lotId", lotId);
        values.put("mode", mode);
        values.put("unitCogs", unitCogs);
        values.put("min", min);
        values.put("max", max);
        return insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, unit_cogs_min, "
                + "unit_cogs_max, payment_terms, on_hand_qty) VALUES (:code, :sku, :productId, :lotId, 'LIVE', :mode, "
                + ":unitCogs, :min, :max, 'COD', 100)", values);
    }

    /**
     * A sale of {@code qty} at 20.00 as ReservationPort.consume records it: its batch_sales row at the batch's cost
     * basis, and the SALE movements of both buckets.
     */
    void sale(long batchId, String qty) {
        BigDecimal quantity = new BigDecimal(qty);
        insert("INSERT INTO batch_sales (batch_id, quantity, unit_price, unit_cost, sold_by) SELECT id, :qty, 20.00, "
                        + "ROUND(COALESCE(unit_cogs, (unit_cogs_min + unit_cogs_max) / 2), 2), 1 FROM batches "
                        + "WHERE id = :batchId",
                Map.of("qty", quantity, "batchId", batchId));
        movement(batchId, "SALE", "ON_HAND", quantity.negate());
        movement(batchId, "SALE", "RESERVED", quantity.negate());
    }

    /** The unit costs the batch's recorded sales carry, oldest first. */
    List<BigDecimal> saleCosts(long batchId) {
        return db.sql("SELECT unit_cost FROM batch_sales WHERE batch_id = :id ORDER BY id").bind("id", batchId)
                .map(row -> row.get("unit_cost", BigDecimal.class)).all().collectList().block();
    }

    void movement(long batchId, String type, String bucket, BigDecimal change) {
        insert("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, performed_by) VALUES (:batchId, :type, :bucket, :change, 1000, :after, 1)",
                Map.of("batchId", batchId, "type", type, "bucket", bucket, "change", change,
                        "after", new BigDecimal("1000").add(change)));
    }

    record CogsRow(String mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max, long version) {
    }

    CogsRow cogs(long batchId) {
        return db.sql("SELECT cogs_mode, unit_cogs, unit_cogs_min, unit_cogs_max, version FROM batches WHERE id = :id")
                .bind("id", batchId)
                .map(row -> new CogsRow(row.get("cogs_mode", String.class), row.get("unit_cogs", BigDecimal.class),
                        row.get("unit_cogs_min", BigDecimal.class), row.get("unit_cogs_max", BigDecimal.class),
                        row.get("version", Long.class)))
                .one().block();
    }

    record HistoryRow(BigDecimal oldUnitCogs, BigDecimal newUnitCogs, BigDecimal oldMin, BigDecimal newMin,
            BigDecimal oldMax, BigDecimal newMax, String changeType, String reason, int affectedSales,
            long changedBy) {
    }

    List<HistoryRow> history(long batchId) {
        return db.sql("SELECT old_unit_cogs, new_unit_cogs, old_min, new_min, old_max, new_max, change_type, reason, "
                        + "affected_sales, changed_by FROM cogs_history WHERE batch_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> new HistoryRow(row.get("old_unit_cogs", BigDecimal.class),
                        row.get("new_unit_cogs", BigDecimal.class), row.get("old_min", BigDecimal.class),
                        row.get("new_min", BigDecimal.class), row.get("old_max", BigDecimal.class),
                        row.get("new_max", BigDecimal.class), row.get("change_type", String.class),
                        row.get("reason", String.class), row.get("affected_sales", Integer.class),
                        row.get("changed_by", Long.class)))
                .all().collectList().block();
    }

    record CorrectionRow(long saleId, long historyId, BigDecimal quantity, BigDecimal oldUnitCost,
            BigDecimal newUnitCost, BigDecimal amount, long createdBy, boolean posted) {
    }

    /** The batch's COGS corrections, oldest first. */
    List<CorrectionRow> corrections(long batchId) {
        return db.sql("SELECT batch_sale_id, cogs_history_id, quantity, old_unit_cost, new_unit_cost, amount, "
                        + "created_by, posted_at FROM cogs_corrections WHERE batch_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> new CorrectionRow(row.get("batch_sale_id", Long.class),
                        row.get("cogs_history_id", Long.class), row.get("quantity", BigDecimal.class),
                        row.get("old_unit_cost", BigDecimal.class), row.get("new_unit_cost", BigDecimal.class),
                        row.get("amount", BigDecimal.class), row.get("created_by", Long.class),
                        row.get("posted_at", java.time.LocalDateTime.class) != null))
                .all().collectList().block();
    }

    /** The batch's recorded sale ids, oldest first. */
    List<Long> saleIds(long batchId) {
        return db.sql("SELECT id FROM batch_sales WHERE batch_id = :id ORDER BY id").bind("id", batchId)
                .map(row -> row.get("id", Long.class)).all().collectList().block();
    }

    /** The batch's cogs_history ids, oldest first. */
    List<Long> historyIds(long batchId) {
        return db.sql("SELECT id FROM cogs_history WHERE batch_id = :id ORDER BY id").bind("id", batchId)
                .map(row -> row.get("id", Long.class)).all().collectList().block();
    }

    record AuditRow(String action, Long actorId, String before, String after, String reason) {
    }

    List<AuditRow> audits(long batchId) {
        return db.sql("SELECT action, actor_id, before_state, after_state, reason FROM audit_logs "
                        + "WHERE entity = 'Batch' AND entity_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> new AuditRow(row.get("action", String.class), row.get("actor_id", Long.class),
                        row.get("before_state", String.class), row.get("after_state", String.class),
                        row.get("reason", String.class)))
                .all().collectList().block();
    }

    private long insert(String sql, Map<String, Object> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = value.getValue() == null
                    ? spec.bindNull(value.getKey(), BigDecimal.class)
                    : spec.bind(value.getKey(), value.getValue());
        }
        return spec.filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
