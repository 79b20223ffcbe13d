package dev.terp.inventory.alert;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import dev.terp.support.TestDatabase;

import org.springframework.r2dbc.core.DatabaseClient;

import static dev.terp.support.TestBatches.aBatch;

/**
 * Test batches written straight into the tables, each with its own product, and ledger rows dated in the past: the
 * API dates everything now, and alerts are about age (expiry, slow movers, days since intake).
 */
public final class AlertFixtures {

    private final TestDatabase db;

    public AlertFixtures(DatabaseClient db) {
        this.db = new TestDatabase(db);
    }

    /** A batch in the category {@code category}, created if it does not exist yet. */
    public long batch(String status, String onHand, LocalDate expiration, String mode, String unitCogs, String min,
            String max, String category) {
        return aBatch().named("Alert").withStatus(status).withOnHand(onHand).expiringOn(expiration)
                .withCogs(mode, unitCogs, min, max).inCategoryNamed(category).insert(db).id();
    }

    public long liveBatch(String onHand, LocalDate expiration) {
        return batch("LIVE", onHand, expiration, "FIXED", "1.00", null, null, "Alert Cat");
    }

    /** Pretends the batch came into stock {@code days} days ago. */
    public void backdate(long batchId, int days) {
        db.update("UPDATE batches SET created_at = :at WHERE id = :id",
                Map.of("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(days), "id", batchId));
    }

    /** An INTAKE of 50 units on the ON_HAND bucket, {@code daysAgo} days ago (the ledger only). */
    public void intake(long batchId, int daysAgo) {
        db.update("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, reference_type, reference_id, performed_by, created_at) VALUES (:batchId, "
                        + "'INTAKE', 'ON_HAND', 50, 0, 50, 'IntakeSession', 1, 1, :at)",
                Map.of("batchId", batchId, "at", LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo)));
    }

    /** A SALE of one unit on the ON_HAND bucket, {@code daysAgo} days ago (the ledger only; quantities unchanged). */
    public void sale(long batchId, int daysAgo) {
        db.update("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, reference_type, reference_id, performed_by, created_at) VALUES (:batchId, "
                        + "'SALE', 'ON_HAND', -1, 51, 50, 'Order', 1, 1, :at)",
                Map.of("batchId", batchId, "at", LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo)));
    }
}
