package dev.terp.inventory.stats;

import java.math.BigDecimal;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class InventoryStatsRepository {

    private final DatabaseClient db;

    InventoryStatsRepository(DatabaseClient db) {
        this.db = db;
    }

    record BatchRow(String status, BigDecimal onHand, String cogsMode, BigDecimal unitCogs, BigDecimal min,
            BigDecimal max, String category) {
    }

    /** Every batch with what valuing it needs (the cost is computed in Java by CogsCalculator, one rule). */
    Flux<BatchRow> batches() {
        return db.sql("SELECT b.status, b.on_hand_qty, b.cogs_mode, b.unit_cogs, b.unit_cogs_min, b.unit_cogs_max, "
                        + "c.name AS category_name FROM batches b JOIN products p ON p.id = b.product_id "
                        + "LEFT JOIN categories c ON c.id = p.category_id")
                .map(row -> new BatchRow(row.get("status", String.class), row.get("on_hand_qty", BigDecimal.class),
                        row.get("cogs_mode", String.class), row.get("unit_cogs", BigDecimal.class),
                        row.get("unit_cogs_min", BigDecimal.class), row.get("unit_cogs_max", BigDecimal.class),
                        row.get("category_name", String.class)))
                .all();
    }
}
