package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.terp.support.TestBatch;
import dev.terp.support.TestBatches;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;

import org.springframework.r2dbc.core.DatabaseClient;

import static dev.terp.support.TestBatches.aBatch;

/**
 * Test batches written straight into the tables ({@link TestBatches.Spec#insert}), so each test starts from exactly
 * the quantities it needs and an empty ledger (these tests count a batch's movements and audit rows from zero), and
 * the database re-reads these tests assert on.
 */
final class InventoryFixtures {

    /** Who holds the reserved stock a fixture batch starts with (a hand reservation, as an operator would make). */
    static final StockReference HOLDER = StockReference.of(TestBatches.HOLDER_TYPE, TestBatches.HOLDER_ID);

    private final TestDatabase db;

    InventoryFixtures(DatabaseClient db) {
        this.db = new TestDatabase(db);
    }

    TestBatch batch(String status, String onHand) {
        return batch(status, onHand, "0", "0", "0");
    }

    TestBatch batch(String status, String onHand, String reserved, String quarantine, String hold) {
        return aBatch().named("Inv").withStatus(status).withOnHand(onHand).withReserved(reserved)
                .withQuarantine(quarantine).withHold(hold).insert(db);
    }

    Map<String, BigDecimal> quantities(long batchId) {
        return db.list("SELECT on_hand_qty, reserved_qty, quarantine_qty, hold_qty FROM batches WHERE id = :id",
                Map.of("id", batchId), row -> Map.of(
                        "onHand", row.get("on_hand_qty", BigDecimal.class),
                        "reserved", row.get("reserved_qty", BigDecimal.class),
                        "quarantine", row.get("quarantine_qty", BigDecimal.class),
                        "hold", row.get("hold_qty", BigDecimal.class))).get(0);
    }

    /** What each holder holds of the batch ("TYPE id" → quantity), as stored. */
    Map<String, BigDecimal> reservations(long batchId) {
        Map<String, BigDecimal> result = new TreeMap<>();
        db.list("SELECT holder_type, holder_id, quantity FROM stock_reservations WHERE batch_id = :id",
                        Map.of("id", batchId),
                        row -> Map.entry(row.get("holder_type", String.class) + " " + row.get("holder_id", Long.class),
                                row.get("quantity", BigDecimal.class)))
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    /** Σ of the holders' rows, which must always equal the batch's reservedQty. */
    BigDecimal reservedByHolders(long batchId) {
        return reservations(batchId).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A new location with a unique address. */
    long location() {
        return db.insert("INSERT INTO locations (site, zone) VALUES (:site, :zone)",
                Map.of("site", "Inv Site " + Unique.tag(), "zone", "Z"));
    }

    /** A new location with a unique address that holds at most {@code capacity} units over all batches. */
    long location(String capacity) {
        long id = location();
        db.update("UPDATE locations SET capacity = :capacity WHERE id = :id",
                Map.of("capacity", new BigDecimal(capacity), "id", id));
        return id;
    }

    /** Σ qty over every batch at the location. */
    BigDecimal heldAt(long locationId) {
        return db.value("SELECT COALESCE(SUM(qty), 0) AS held FROM batch_locations WHERE location_id = :id",
                Map.of("id", locationId), BigDecimal.class);
    }

    void expiresOn(long batchId, LocalDate date) {
        db.update("UPDATE batches SET expiration_date = :date WHERE id = :id", Map.of("date", date, "id", batchId));
    }

    /** Places {@code qty} of the batch at the location (the test keeps the sum equal to on-hand itself). */
    void place(long batchId, long locationId, String qty) {
        db.insert("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:batchId, :locationId, :qty)",
                Map.of("batchId", batchId, "locationId", locationId, "qty", new BigDecimal(qty)));
    }

    /** Location id → quantity, as stored. */
    Map<Long, BigDecimal> locationQuantities(long batchId) {
        Map<Long, BigDecimal> result = new TreeMap<>();
        db.list("SELECT location_id, qty FROM batch_locations WHERE batch_id = :id", Map.of("id", batchId),
                        row -> Map.entry(row.get("location_id", Long.class), row.get("qty", BigDecimal.class)))
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    BigDecimal sampleQty(long batchId) {
        return db.value("SELECT sample_qty FROM batches WHERE id = :id", Map.of("id", batchId), BigDecimal.class);
    }

    List<Long> movementLocations(long batchId) {
        return db.list("SELECT location_id FROM inventory_movements WHERE batch_id = :id ORDER BY id",
                Map.of("id", batchId),
                row -> row.get("location_id", Long.class) == null ? -1L : row.get("location_id", Long.class));
    }

    String status(long batchId) {
        return db.value("SELECT status FROM batches WHERE id = :id", Map.of("id", batchId), String.class);
    }

    long version(long batchId) {
        return db.versionOf("batches", batchId);
    }

    long movementCount(long batchId) {
        return db.count("SELECT COUNT(*) AS n FROM inventory_movements WHERE batch_id = :id", Map.of("id", batchId));
    }

    long auditCount(long batchId) {
        return db.count("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Batch' AND entity_id = :id",
                Map.of("id", batchId));
    }

    record MovementRow(long id, String type, String bucket, BigDecimal change, BigDecimal before, BigDecimal after,
            long performedBy, Long reverses, String referenceType, Long referenceId) {
    }

    List<MovementRow> movements(long batchId) {
        return db.list("SELECT id, movement_type, bucket, quantity_change, quantity_before, quantity_after, "
                        + "performed_by, reverses_movement_id, reference_type, reference_id FROM inventory_movements "
                        + "WHERE batch_id = :id ORDER BY id", Map.of("id", batchId),
                row -> new MovementRow(row.get("id", Long.class), row.get("movement_type", String.class),
                        row.get("bucket", String.class), row.get("quantity_change", BigDecimal.class),
                        row.get("quantity_before", BigDecimal.class), row.get("quantity_after", BigDecimal.class),
                        row.get("performed_by", Long.class), row.get("reverses_movement_id", Long.class),
                        row.get("reference_type", String.class), row.get("reference_id", Long.class)));
    }
}
