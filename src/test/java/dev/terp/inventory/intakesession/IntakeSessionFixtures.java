package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.terp.support.TestBatch;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;

import org.springframework.r2dbc.core.DatabaseClient;

import static dev.terp.support.TestBatches.aBatch;

/**
 * Vendors and batches written straight into the tables, and database re-reads for assertions. A session receives
 * only announced batches (AWAITING_INTAKE, every bucket zero, bought from the session's vendor): {@link #announced}
 * writes one as a line's {@code batch} would create it. In SQL, because the API announces a batch only inside a
 * session, and batches of other statuses here must hold stock no session received (to prove a session refuses them).
 */
final class IntakeSessionFixtures {

    private final TestDatabase db;

    IntakeSessionFixtures(DatabaseClient db) {
        this.db = new TestDatabase(db);
    }

    record BatchState(String status, BigDecimal onHand, long version) {
    }

    record MovementRow(String type, String bucket, BigDecimal change, BigDecimal before, BigDecimal after,
            String referenceType, Long referenceId) {
    }

    long vendor() {
        return db.insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", "Session Vendor " + Unique.tag()));
    }

    long archivedVendor() {
        return db.insert("INSERT INTO vendors (name, active) VALUES (:name, FALSE)",
                Map.of("name", "Archived Vendor " + Unique.tag()));
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
        return aBatch().named("Session").ofVendor(vendorId).withStatus(status).withOnHand(onHand).insert(db);
    }

    /**
     * Puts {@code qty} of the batch at a new location (zero: the empty row an announced batch has at the location
     * its stock will go to), so a receipt must land there and keep the location rows summing up to on-hand.
     */
    long placeAll(TestBatch batch, String qty) {
        long locationId = db.insert("INSERT INTO locations (site, zone) VALUES (:site, 'Z')",
                Map.of("site", "Session Site " + Unique.tag()));
        db.insert("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:batchId, :locationId, :qty)",
                Map.of("batchId", batch.id(), "locationId", locationId, "qty", new BigDecimal(qty)));
        return locationId;
    }

    /** The category a line's {@code batch} names (categories are never created by intake). */
    String category() {
        String name = "Session Cat " + Unique.tag();
        db.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", name));
        return name;
    }

    /** Location id → quantity, as stored. */
    Map<Long, BigDecimal> locationQuantities(long batchId) {
        Map<Long, BigDecimal> result = new TreeMap<>();
        db.list("SELECT location_id, qty FROM batch_locations WHERE batch_id = :id", Map.of("id", batchId),
                        row -> Map.entry(row.get("location_id", Long.class), row.get("qty", BigDecimal.class)))
                .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    BigDecimal locationSum(long batchId) {
        return db.value("SELECT COALESCE(SUM(qty), 0) AS s FROM batch_locations WHERE batch_id = :id",
                Map.of("id", batchId), BigDecimal.class);
    }

    BatchState state(long batchId) {
        return db.list("SELECT status, on_hand_qty, version FROM batches WHERE id = :id", Map.of("id", batchId),
                row -> new BatchState(row.get("status", String.class), row.get("on_hand_qty", BigDecimal.class),
                        row.get("version", Long.class))).get(0);
    }

    List<MovementRow> movements(long batchId) {
        return db.list("SELECT movement_type, bucket, quantity_change, quantity_before, quantity_after, "
                        + "reference_type, "
                        + "reference_id FROM inventory_movements WHERE batch_id = :id ORDER BY id",
                Map.of("id", batchId),
                row -> new MovementRow(row.get("movement_type", String.class), row.get("bucket", String.class),
                        row.get("quantity_change", BigDecimal.class), row.get("quantity_before", BigDecimal.class),
                        row.get("quantity_after", BigDecimal.class), row.get("reference_type", String.class),
                        row.get("reference_id", Long.class)));
    }

    long count(String sql, Object value) {
        return db.count(sql, Map.of("v", value));
    }

    long count(String sql) {
        return db.count(sql, Map.of());
    }

    Map<String, Object> row(String sql, Object value) {
        return db.row(sql, Map.of("v", value));
    }

    List<String> auditActions(String entity, long entityId) {
        return db.list("SELECT action FROM audit_logs WHERE entity = :entity AND entity_id = :id ORDER BY id",
                Map.of("entity", entity, "id", entityId), row -> row.get("action", String.class));
    }
}
