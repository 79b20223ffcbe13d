package dev.terp.inventory.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/** Test batches written straight into the tables, each with its own product and category. */
public final class AlertFixtures {

    private final DatabaseClient db;

    public AlertFixtures(DatabaseClient db) {
        this.db = db;
    }

    /** A batch in its own new category {@code category}. */
    public long batch(String status, String onHand, LocalDate expiration, String mode, String unitCogs, String min,
            String max, String category) {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long vendorId = insert("INSERT INTO vendors (name) VALUES (:name)", Map.of("name", "Alert Vendor " + tag));
        long brandId = insert("INSERT INTO brands (name, vendor_id) VALUES (:name, :vendorId)",
                Map.of("name", "Alert Brand " + tag, "vendorId", vendorId));
        Long categoryId = db.sql("SELECT id FROM categories WHERE name = :name").bind("name", category)
                .map(row -> row.get("id", Long.class)).one().block();
        if (categoryId == null) {
            categoryId = insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        }
        long productId = insert("INSERT INTO products (brand_id, name_canonical, category_id) "
                        + "VALUES (:brandId, :name, :categoryId)",
                Map.of("brandId", brandId, "name", "Alert Product " + tag, "categoryId", categoryId));
        long lotId = insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, CURRENT_DATE)",
                Map.of("code", "LOT-A" + tag, "vendorId", vendorId));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", "BCH-A" + tag);
        values.put("sku", "ALERT-" + tag);
        values.put("productId", productId);
        values.put("lotId", lotId);
        values.put("status", status);
        values.put("mode", mode);
        values.put("unitCogs", unitCogs == null ? null : new BigDecimal(unitCogs));
        values.put("min", min == null ? null : new BigDecimal(min));
        values.put("max", max == null ? null : new BigDecimal(max));
        values.put("onHand", new BigDecimal(onHand));
        values.put("expiration", expiration);
        return insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, unit_cogs_min, "
                + "unit_cogs_max, payment_terms, on_hand_qty, expiration_date) VALUES (:code, :sku, :productId, :lotId, "
                + ":status, :mode, :unitCogs, :min, :max, 'COD', :onHand, :expiration)", values);
    }

    public long liveBatch(String onHand, LocalDate expiration) {
        return batch("LIVE", onHand, expiration, "FIXED", "1.00", null, null, "Alert Cat");
    }

    /** Pretends the batch came into stock {@code days} days ago. */
    public void backdate(long batchId, int days) {
        db.sql("UPDATE batches SET created_at = :at WHERE id = :id")
                .bind("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(days)).bind("id", batchId)
                .fetch().rowsUpdated().block();
    }

    /** An INTAKE of 50 units on the ON_HAND bucket, {@code daysAgo} days ago (the ledger only). */
    public void intake(long batchId, int daysAgo) {
        db.sql("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, reference_type, reference_id, performed_by, created_at) VALUES (:batchId, "
                        + "'INTAKE', 'ON_HAND', 50, 0, 50, 'IntakeSession', 1, 1, :at)")
                .bind("batchId", batchId).bind("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo))
                .fetch().rowsUpdated().block();
    }

    /** A SALE of one unit on the ON_HAND bucket, {@code daysAgo} days ago (the ledger only; quantities unchanged). */
    public void sale(long batchId, int daysAgo) {
        db.sql("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, "
                        + "quantity_after, reference_type, reference_id, performed_by, created_at) VALUES (:batchId, "
                        + "'SALE', 'ON_HAND', -1, 51, 50, 'Order', 1, 1, :at)")
                .bind("batchId", batchId).bind("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo))
                .fetch().rowsUpdated().block();
    }

    private long insert(String sql, Map<String, Object> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (value.getValue() == null) {
                spec = spec.bindNull(value.getKey(), value.getKey().equals("expiration")
                        ? LocalDate.class : BigDecimal.class);
            } else {
                spec = spec.bind(value.getKey(), value.getValue());
            }
        }
        return spec.filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
