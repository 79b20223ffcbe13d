package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Vendors and batches written straight into the tables, and database re-reads for assertions. A session receives
 * only announced batches (AWAITING_INTAKE, every bucket zero, bought from the session's vendor): {@link #announced}
 * writes one as a line's {@code batch} would create it.
 */
final class IntakeSessionFixtures {

    private final DatabaseClient db;

    IntakeSessionFixtures(DatabaseClient db) {
        this.db = db;
    }

    record TestBatch(long id, String code, String sku, String productName) {
    }

    record BatchState(String status, BigDecimal onHand, long version) {
    }

    record MovementRow(String type, String bucket, BigDecimal change, BigDecimal before, BigDecimal after,
            String referenceType, Long referenceId) {
    }

    long vendor() {
        return insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", "Session Vendor " + tag()));
    }

    long archivedVendor() {
        return insert("INSERT INTO vendors (name, active) VALUES (:name, FALSE)",
                Map.of("name", "Archived Vendor " + tag()));
    }

    /** An announced batch of the vendor: AWAITING_INTAKE with nothing received yet. */
    TestBatch announced(long vendorId) {
        return batch(vendorId, "AWAITING_INTAKE", "0");
    }

    /** A batch of a new vendor of its own. */
    TestBatch batch(String status, String onHand) {
        return batch(vendor(), status, onHand);
    }

    TestBatch batch(long vendorId, String status, String onHand) {
        String tag = tag();
        long brandId = insert("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendorId)",
                Map.of("name", "Session Brand " + tag, "vendorId", vendorId));
        long categoryId = insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", "Session Cat " + tag));
        String productName = "Session Product " + tag;
        long productId = insert("INSERT INTO products (brand_id, name_canonical, category_id) "
                + "VALUES (:brandId, :name, :categoryId)",
                Map.of("brandId", brandId, "name", productName, "categoryId", categoryId));
        long lotId = insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, CURRENT_DATE)",
                Map.of("code", "LOT-S" + tag, "vendorId", vendorId));
        String code = "BCH-S" + tag;
        String sku = "SESS-" + tag;
        long id = insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, "
                + "payment_terms, on_hand_qty) VALUES (:code, :sku, :productId, :lotId, :status, 'FIXED', 12.5, "
                + "'COD', :onHand)",
                Map.of("code", code, "sku", sku, "productId", productId, "lotId", lotId, "status", status,
                        "onHand", new BigDecimal(onHand)));
        return new TestBatch(id, code, sku, productName);
    }

    /**
     * Puts {@code qty} of the batch at a new location (zero: the empty row an announced batch has at the location
     * its stock will go to), so a receipt must land there and keep the location rows summing up to on-hand.
     */
    long placeAll(TestBatch batch, String qty) {
        long locationId = insert("INSERT INTO locations (site, zone) VALUES (:site, 'Z')",
                Map.of("site", "Session Site " + tag()));
        insert("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:batchId, :locationId, :qty)",
                Map.of("batchId", batch.id(), "locationId", locationId, "qty", new BigDecimal(qty)));
        return locationId;
    }

    /** The category a line's {@code batch} names (categories are never created by intake). */
    String category() {
        String name = "Session Cat " + tag();
        insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", name));
        return name;
    }

    /** Location id → quantity, as stored. */
    Map<Long, BigDecimal> locationQuantities(long batchId) {
        Map<Long, BigDecimal> result = new java.util.TreeMap<>();
        db.sql("SELECT location_id, qty FROM batch_locations WHERE batch_id = :id").bind("id", batchId)
                .map(row -> Map.entry(row.get("location_id", Long.class), row.get("qty", BigDecimal.class)))
                .all().collectList().block()
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    BigDecimal locationSum(long batchId) {
        return db.sql("SELECT COALESCE(SUM(qty), 0) AS s FROM batch_locations WHERE batch_id = :id").bind("id", batchId)
                .map(row -> row.get("s", BigDecimal.class)).one().block();
    }

    BatchState state(long batchId) {
        return db.sql("SELECT status, on_hand_qty, version FROM batches WHERE id = :id").bind("id", batchId)
                .map(row -> new BatchState(row.get("status", String.class), row.get("on_hand_qty", BigDecimal.class),
                        row.get("version", Long.class)))
                .one().block();
    }

    List<MovementRow> movements(long batchId) {
        return db.sql("SELECT movement_type, bucket, quantity_change, quantity_before, quantity_after, reference_type, "
                        + "reference_id FROM inventory_movements WHERE batch_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> new MovementRow(row.get("movement_type", String.class), row.get("bucket", String.class),
                        row.get("quantity_change", BigDecimal.class), row.get("quantity_before", BigDecimal.class),
                        row.get("quantity_after", BigDecimal.class), row.get("reference_type", String.class),
                        row.get("reference_id", Long.class)))
                .all().collectList().block();
    }

    long count(String sql, Object value) {
        return db.sql(sql).bind("v", value).map(row -> row.get(0, Long.class)).one().block();
    }

    long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    Map<String, Object> row(String sql, Object value) {
        return db.sql(sql).bind("v", value).fetch().one().block();
    }

    List<String> auditActions(String entity, long entityId) {
        return db.sql("SELECT action FROM audit_logs WHERE entity = :entity AND entity_id = :id ORDER BY id")
                .bind("entity", entity)
                .bind("id", entityId)
                .map(row -> row.get("action", String.class))
                .all().collectList().block();
    }

    private long insert(String sql, Map<String, Object> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec.filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
