package dev.terp.inventory.stats;

import java.math.BigDecimal;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class InventoryStatsRepository {

    /**
     * The unit cost basis of a batch in SQL, the same figure as {@code CogsCalculator.unitCostBasis}: FIXED → unit
     * COGS; RANGE → (min + max) / 2 rounded to cents by {@code ROUND}, which on exact DECIMAL values rounds half
     * away from zero, the policy's HALF_UP ({@code dev.terp.domain.Rounding}); incomplete settings (a missing or
     * negative value, an inverted range) count as 0, as the Java path did rather than failing the page.
     */
    static final String UNIT_COST_BASIS = "CASE WHEN b.cogs_mode = 'RANGE' THEN "
            + "CASE WHEN b.unit_cogs_min IS NULL OR b.unit_cogs_max IS NULL OR b.unit_cogs_min < 0 "
            + "OR b.unit_cogs_max < 0 OR b.unit_cogs_min > b.unit_cogs_max THEN 0 "
            + "ELSE ROUND((b.unit_cogs_min + b.unit_cogs_max) / 2, 2) END "
            + "ELSE CASE WHEN b.unit_cogs IS NULL OR b.unit_cogs < 0 THEN 0 ELSE b.unit_cogs END END";

    private final DatabaseClient db;

    InventoryStatsRepository(DatabaseClient db) {
        this.db = db;
    }

    /** One group of batches: a category name (null: none) and a status, with exact sums (no rounding in SQL). */
    record Group(String category, String status, long batches, BigDecimal units, BigDecimal value) {
    }

    /**
     * Counts, units and value per category and status in one aggregate statement (one snapshot, D-29): at most
     * (categories + 1) × 7 rows, however many batches there are.
     */
    Flux<Group> groups() {
        return db.sql("SELECT c.name AS category_name, b.status, COUNT(*) AS batches, SUM(b.on_hand_qty) AS units, "
                        + "SUM(b.on_hand_qty * " + UNIT_COST_BASIS + ") AS stock_value FROM batches b "
                        + "JOIN products p ON p.id = b.product_id LEFT JOIN categories c ON c.id = p.category_id "
                        + "GROUP BY c.name, b.status")
                .map(row -> new Group(row.get("category_name", String.class), row.get("status", String.class),
                        row.get("batches", Long.class), row.get("units", BigDecimal.class),
                        row.get("stock_value", BigDecimal.class)))
                .all();
    }
}
