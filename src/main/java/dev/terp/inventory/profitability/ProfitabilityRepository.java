package dev.terp.inventory.profitability;

import java.math.BigDecimal;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.Profitability.Sales;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Sums over {@code batch_sales}, exact (DECIMAL arithmetic, no rounding in SQL), plus the retroactive COGS
 * corrections of those sales ({@code cogs_corrections}, amounts already in cents), with the batch columns that the
 * potential figures need. Each report is one grouped statement (D-29), so sums and on-hand come from one snapshot.
 */
@Repository
class ProfitabilityRepository {

    private static final String BATCH_COLUMNS = "b.id, b.code, b.on_hand_qty, b.cogs_mode, b.unit_cogs, "
            + "b.unit_cogs_min, b.unit_cogs_max";

    /** Σ correction amount per batch; a statement adds its WHERE (if any) and GROUP BY batch_id. */
    private static final String CORRECTIONS = "SELECT batch_id, SUM(amount) AS corrections FROM cogs_corrections";

    private final DatabaseClient db;

    ProfitabilityRepository(DatabaseClient db) {
        this.db = db;
    }

    record BatchRow(long batchId, String code, BigDecimal onHandQty, String cogsMode, BigDecimal unitCogs,
            BigDecimal unitCogsMin, BigDecimal unitCogsMax, Sales sales) {
    }

    record Totals(long batchCount, Sales sales) {
    }

    /** Empty when there is no such batch; a batch without sales has zero sums. */
    Mono<BatchRow> batch(long batchId) {
        return db.sql("SELECT " + BATCH_COLUMNS + ", COALESCE(s.sold_qty, 0) AS sold_qty, "
                        + "COALESCE(s.revenue, 0) AS revenue, COALESCE(s.cost, 0) AS cost, "
                        + "COALESCE(k.corrections, 0) AS corrections FROM batches b "
                        + "LEFT JOIN (SELECT batch_id, SUM(quantity) AS sold_qty, "
                        + "SUM(quantity * unit_price) AS revenue, SUM(quantity * unit_cost) AS cost FROM batch_sales "
                        + "WHERE batch_id = :id GROUP BY batch_id) s ON s.batch_id = b.id "
                        + "LEFT JOIN (" + CORRECTIONS + " WHERE batch_id = :id GROUP BY batch_id) k "
                        + "ON k.batch_id = b.id WHERE b.id = :id")
                .bind("id", batchId)
                .map(ProfitabilityRepository::toBatchRow)
                .one();
    }

    /**
     * The {@code limit} batches with the highest profit, in one aggregate query (the original recomputed every
     * batch over all orders, D-29). Not a ranked derived table joined afterwards: MariaDB ignored a bound
     * {@code LIMIT} inside the derived table, so grouping, ranking and limiting happen at one level.
     */
    Flux<BatchRow> top(int limit) {
        return db.sql("SELECT " + BATCH_COLUMNS + ", SUM(s.quantity) AS sold_qty, "
                        + "SUM(s.quantity * s.unit_price) AS revenue, SUM(s.quantity * s.unit_cost) AS cost, "
                        + "COALESCE(k.corrections, 0) AS corrections "
                        + "FROM batch_sales s JOIN batches b ON b.id = s.batch_id "
                        + "LEFT JOIN (" + CORRECTIONS + " GROUP BY batch_id) k ON k.batch_id = b.id "
                        + "GROUP BY " + BATCH_COLUMNS + ", k.corrections"
                        + " ORDER BY SUM(s.quantity * (s.unit_price - s.unit_cost)) - COALESCE(k.corrections, 0) DESC, "
                        + "b.id LIMIT :limit")
                .bind("limit", limit)
                .map(ProfitabilityRepository::toBatchRow)
                .all();
    }

    Mono<Totals> totals() {
        return db.sql("SELECT COUNT(DISTINCT batch_id) AS batch_count, COALESCE(SUM(quantity), 0) AS sold_qty, "
                        + "COALESCE(SUM(quantity * unit_price), 0) AS revenue, "
                        + "COALESCE(SUM(quantity * unit_cost), 0) AS cost, "
                        + "(SELECT COALESCE(SUM(amount), 0) FROM cogs_corrections) AS corrections FROM batch_sales")
                .map(row -> new Totals(row.get("batch_count", Long.class), sales(row)))
                .one();
    }

    private static BatchRow toBatchRow(Readable row) {
        return new BatchRow(Rows.id(row, "id"), row.get("code", String.class),
                row.get("on_hand_qty", BigDecimal.class), row.get("cogs_mode", String.class),
                row.get("unit_cogs", BigDecimal.class), row.get("unit_cogs_min", BigDecimal.class),
                row.get("unit_cogs_max", BigDecimal.class), sales(row));
    }

    private static Sales sales(Readable row) {
        return new Sales(row.get("sold_qty", BigDecimal.class), row.get("revenue", BigDecimal.class),
                row.get("cost", BigDecimal.class), row.get("corrections", BigDecimal.class));
    }
}
