package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/** Test batches written straight into the tables, so each test starts from exactly the quantities it needs. */
final class InventoryFixtures {

    private final DatabaseClient db;

    InventoryFixtures(DatabaseClient db) {
        this.db = db;
    }

    record TestBatch(long id, long productId, String code, String sku) {
    }

    /** Who holds the reserved stock a fixture batch starts with (a hand reservation, as an operator would make). */
    static final StockReference HOLDER = StockReference.of("MANUAL", 1L);

    TestBatch batch(String status, String onHand) {
        return batch(status, onHand, "0", "0", "0");
    }

    TestBatch batch(String status, String onHand, String reserved, String quarantine, String hold) {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long vendorId = insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", "Inv Vendor " + tag));
        long brandId = insert("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendorId)",
                Map.of("name", "Inv Brand " + tag, "vendorId", vendorId));
        long categoryId = insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", "Inv Cat " + tag));
        long productId = insert("INSERT INTO products (brand_id, name_canonical, category_id) "
                + "VALUES (:brandId, :name, :categoryId)",
                Map.of("brandId", brandId, "name", "Product " + tag, "categoryId", categoryId));
        long lotId = insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, CURRENT_DATE)",
                Map.of("code", "LOT-T" + tag, "vendorId", vendorId));
        String code = "BCH-T" + tag;
        String sku = "TEST-" + tag;
        long id = insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, "
                + "payment_terms, on_hand_qty, reserved_qty, quarantine_qty, hold_qty) VALUES (:code, :sku, "
                + ":productId, :lotId, :status, 'FIXED', 12.5, 'COD', :onHand, :reserved, :quarantine, :hold)",
                Map.of("code", code, "sku", sku, "productId", productId, "lotId", lotId, "status", status,
                        "onHand", new BigDecimal(onHand), "reserved", new BigDecimal(reserved),
                        "quarantine", new BigDecimal(quarantine), "hold", new BigDecimal(hold)));
        // reservedQty is the sum of the holders' rows: the reserved stock belongs to HOLDER.
        if (new BigDecimal(reserved).signum() > 0) {
            insert("INSERT INTO stock_reservations (batch_id, holder_type, holder_id, quantity, reserved_by) "
                    + "VALUES (:batchId, :type, :holderId, :quantity, 0)",
                    Map.of("batchId", id, "type", HOLDER.referenceType(), "holderId", HOLDER.referenceId(),
                            "quantity", new BigDecimal(reserved)));
        }
        return new TestBatch(id, productId, code, sku);
    }

    Map<String, BigDecimal> quantities(long batchId) {
        return db.sql("SELECT on_hand_qty, reserved_qty, quarantine_qty, hold_qty FROM batches WHERE id = :id")
                .bind("id", batchId)
                .map(row -> Map.of(
                        "onHand", row.get("on_hand_qty", BigDecimal.class),
                        "reserved", row.get("reserved_qty", BigDecimal.class),
                        "quarantine", row.get("quarantine_qty", BigDecimal.class),
                        "hold", row.get("hold_qty", BigDecimal.class)))
                .one().block();
    }

    /** What each holder holds of the batch ("TYPE id" → quantity), as stored. */
    Map<String, BigDecimal> reservations(long batchId) {
        Map<String, BigDecimal> result = new java.util.TreeMap<>();
        db.sql("SELECT holder_type, holder_id, quantity FROM stock_reservations WHERE batch_id = :id")
                .bind("id", batchId)
                .map(row -> Map.entry(row.get("holder_type", String.class) + " " + row.get("holder_id", Long.class),
                        row.get("quantity", BigDecimal.class)))
                .all().collectList().block()
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    /** Σ of the holders' rows, which must always equal the batch's reservedQty. */
    BigDecimal reservedByHolders(long batchId) {
        return reservations(batchId).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A new location with a unique address. */
    long location() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return insert("INSERT INTO locations (site, zone) VALUES (:site, :zone)",
                Map.of("site", "Inv Site " + tag, "zone", "Z"));
    }

    /** A new location with a unique address that holds at most {@code capacity} units over all batches. */
    long location(String capacity) {
        long id = location();
        db.sql("UPDATE locations SET capacity = :capacity WHERE id = :id")
                .bind("capacity", new BigDecimal(capacity)).bind("id", id)
                .fetch().rowsUpdated().block();
        return id;
    }

    /** Σ qty over every batch at the location. */
    BigDecimal heldAt(long locationId) {
        return db.sql("SELECT COALESCE(SUM(qty), 0) AS held FROM batch_locations WHERE location_id = :id")
                .bind("id", locationId)
                .map(row -> row.get("held", BigDecimal.class)).one().block();
    }

    void expiresOn(long batchId, LocalDate date) {
        db.sql("UPDATE batches SET expiration_date = :date WHERE id = :id")
                .bind("date", date).bind("id", batchId)
                .fetch().rowsUpdated().block();
    }

    /** Places {@code qty} of the batch at the location (the test keeps the sum equal to on-hand itself). */
    void place(long batchId, long locationId, String qty) {
        insert("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:batchId, :locationId, :qty)",
                Map.of("batchId", batchId, "locationId", locationId, "qty", new BigDecimal(qty)));
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

    BigDecimal sampleQty(long batchId) {
        return db.sql("SELECT sample_qty FROM batches WHERE id = :id").bind("id", batchId)
                .map(row -> row.get("sample_qty", BigDecimal.class)).one().block();
    }

    List<Long> movementLocations(long batchId) {
        return db.sql("SELECT location_id FROM inventory_movements WHERE batch_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> row.get("location_id", Long.class) == null ? -1L : row.get("location_id", Long.class))
                .all().collectList().block();
    }

    String status(long batchId) {
        return db.sql("SELECT status FROM batches WHERE id = :id").bind("id", batchId)
                .map(row -> row.get("status", String.class)).one().block();
    }

    long version(long batchId) {
        return db.sql("SELECT version FROM batches WHERE id = :id").bind("id", batchId)
                .map(row -> row.get("version", Long.class)).one().block();
    }

    long movementCount(long batchId) {
        return db.sql("SELECT COUNT(*) AS n FROM inventory_movements WHERE batch_id = :id").bind("id", batchId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    long auditCount(long batchId) {
        return db.sql("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Batch' AND entity_id = :id")
                .bind("id", batchId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    record MovementRow(long id, String type, String bucket, BigDecimal change, BigDecimal before, BigDecimal after,
            long performedBy, Long reverses, String referenceType, Long referenceId) {
    }

    List<MovementRow> movements(long batchId) {
        return db.sql("SELECT id, movement_type, bucket, quantity_change, quantity_before, quantity_after, "
                        + "performed_by, reverses_movement_id, reference_type, reference_id FROM inventory_movements "
                        + "WHERE batch_id = :id ORDER BY id")
                .bind("id", batchId)
                .map(row -> new MovementRow(row.get("id", Long.class), row.get("movement_type", String.class),
                        row.get("bucket", String.class), row.get("quantity_change", BigDecimal.class),
                        row.get("quantity_before", BigDecimal.class), row.get("quantity_after", BigDecimal.class),
                        row.get("performed_by", Long.class), row.get("reverses_movement_id", Long.class),
                        row.get("reference_type", String.class), row.get("reference_id", Long.class)))
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
}
