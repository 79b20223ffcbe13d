package dev.terp.inventory.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Thousands of batches written with one {@code INSERT … SELECT} over a digits cross join (portable: MySQL 8 caps
 * recursive CTEs at 1000 rows), tagged so a test can count its own and delete them afterwards, leaving the shared
 * database as it found it. Batch {@code i} (0-based) is:
 * <ul>
 *   <li>status: i % 10 = 9 → QUARANTINED, 8 → PHOTOGRAPHY_COMPLETE, else LIVE;</li>
 *   <li>on hand: i % 4 = 0 → 5.5 (low stock), 1 → 150 (overstock), 2 → 50, 3 → 12.3456;</li>
 *   <li>COGS: even → FIXED (i % 13) + 0.25; odd → RANGE min 1 + (i % 7) / 100, max min + (i % 3 + 1) / 100 (half
 *       cents at the midpoint), except i % 50 = 1 (max missing) and i % 50 = 3 (inverted range): incomplete;</li>
 *   <li>expiry: i % 7 = 0 → {@code expiring}, else none; product (and so category) i % 5.</li>
 * </ul>
 */
public final class BulkBatches {

    private static final String DIGITS = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 "
            + "UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 "
            + "UNION ALL SELECT 9)";

    private final TestDatabase db;
    public final String tag = Unique.tag();
    public final List<String> categories = new ArrayList<>();
    private final List<Long> productIds = new ArrayList<>();
    private long vendorId;
    private long brandId;
    private long lotId;

    public BulkBatches(DatabaseClient db) {
        this.db = new TestDatabase(db);
    }

    /** Inserts {@code count} (at most 10 000) batches; expiring ones expire on {@code expiring}. */
    public BulkBatches create(int count, LocalDate expiring) {
        vendorId = db.insert("INSERT INTO vendors (name) VALUES (:v)", Map.of("v", "Bulk Vendor " + tag));
        brandId = db.insert("INSERT INTO brands (name, vendor_id) VALUES (:v, :w)",
                Map.of("v", "Bulk Brand " + tag, "w", vendorId));
        lotId = db.insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:v, :w, CURRENT_DATE)",
                Map.of("v", "LOT-BULK" + tag, "w", vendorId));
        for (int p = 0; p < 5; p++) {
            String category = "Bulk " + tag + " " + p;
            categories.add(category);
            long categoryId = db.insert("INSERT INTO categories (name) VALUES (:v)", Map.of("v", category));
            productIds.add(db.insert("INSERT INTO products (brand_id, name_canonical, category_id) VALUES (:v, :w, :x)",
                    Map.of("v", brandId, "w", "Bulk Product " + tag + " " + p, "x", categoryId)));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("tag", tag);
        values.put("lot", lotId);
        values.put("expiring", expiring);
        values.put("count", count);
        for (int p = 0; p < 5; p++) {
            values.put("p" + p, productIds.get(p));
        }
        db.update("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, unit_cogs_min, "
                        + "unit_cogs_max, payment_terms, on_hand_qty, expiration_date) "
                        + "SELECT CONCAT('BCH-BULK', :tag, '-', n.i), CONCAT('BULK-', :tag, '-', n.i), "
                        + "CASE MOD(n.i, 5) WHEN 0 THEN :p0 WHEN 1 THEN :p1 WHEN 2 THEN :p2 WHEN 3 THEN :p3 "
                        + "ELSE :p4 END, "
                        + ":lot, CASE MOD(n.i, 10) WHEN 9 THEN 'QUARANTINED' WHEN 8 THEN 'PHOTOGRAPHY_COMPLETE' "
                        + "ELSE 'LIVE' END, CASE MOD(n.i, 2) WHEN 0 THEN 'FIXED' ELSE 'RANGE' END, "
                        + "CASE MOD(n.i, 2) WHEN 0 THEN MOD(n.i, 13) + 0.25 END, "
                        + "CASE WHEN MOD(n.i, 2) = 0 THEN NULL WHEN MOD(n.i, 50) = 3 THEN 5.00 "
                        + "ELSE 1 + MOD(n.i, 7) / 100 END, "
                        + "CASE WHEN MOD(n.i, 2) = 0 OR MOD(n.i, 50) = 1 THEN NULL WHEN MOD(n.i, 50) = 3 THEN 4.00 "
                        + "ELSE 1 + MOD(n.i, 7) / 100 + (MOD(n.i, 3) + 1) / 100 END, 'COD', "
                        + "CASE MOD(n.i, 4) WHEN 0 THEN 5.5 WHEN 1 THEN 150 WHEN 2 THEN 50 ELSE 12.3456 END, "
                        + "CASE WHEN MOD(n.i, 7) = 0 THEN :expiring END "
                        + "FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS i FROM " + DIGITS + " a CROSS JOIN "
                        + DIGITS + " b CROSS JOIN " + DIGITS + " c CROSS JOIN " + DIGITS + " e) n WHERE n.i < :count",
                values);
        return this;
    }

    /** {@code batches b} rows of this set, for a WHERE clause: bind {@code :skuPrefix} with {@link #skuPrefix()}. */
    public static final String OWN = "b.sku LIKE :skuPrefix";

    public String skuPrefix() {
        return "BULK-" + tag + "-%";
    }

    /** A count over this set's batches ({@code b}), optionally joined: {@code condition} is added with AND. */
    public long count(String fromAndJoins, String condition) {
        return db.count("SELECT COUNT(*) AS n FROM " + fromAndJoins + " WHERE " + OWN + " AND (" + condition + ")",
                Map.of("skuPrefix", skuPrefix()));
    }

    /** Runs an UPDATE over this set's batches: {@code set} is the SET list, {@code condition} the extra filter. */
    public long update(String set, String condition) {
        return db.update("UPDATE batches b SET " + set + " WHERE " + OWN + " AND (" + condition + ")",
                Map.of("skuPrefix", skuPrefix()));
    }

    /** Removes everything this set wrote (alerts included). */
    public void delete() {
        db.update("DELETE a FROM inventory_alerts a JOIN batches b ON b.id = a.batch_id WHERE " + OWN,
                Map.of("skuPrefix", skuPrefix()));
        db.update("DELETE FROM batches WHERE lot_id = :lot", Map.of("lot", lotId));
        db.update("DELETE FROM products WHERE id IN (:ids)", Map.of("ids", productIds));
        db.update("DELETE FROM categories WHERE name IN (:names)", Map.of("names", categories));
        db.update("DELETE FROM lots WHERE id = :id", Map.of("id", lotId));
        db.update("DELETE FROM brands WHERE id = :id", Map.of("id", brandId));
        db.update("DELETE FROM vendors WHERE id = :id", Map.of("id", vendorId));
    }
}
