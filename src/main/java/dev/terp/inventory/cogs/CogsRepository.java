package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.CogsCalculator.Mode;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/**
 * The COGS columns of {@code batches}, the costs recorded with past sales ({@code batch_sales}, read only),
 * {@code cogs_history} and {@code cogs_corrections}.
 */
@Repository
class CogsRepository {

    private static final String COGS_COLUMNS = "id, cogs_mode, unit_cogs, unit_cogs_min, unit_cogs_max, version";
    private static final String HISTORY_COLUMNS = "id, batch_id, old_unit_cogs, new_unit_cogs, old_min, new_min, "
            + "old_max, new_max, change_type, reason, affected_sales, changed_by, created_at";

    private final DatabaseClient db;

    CogsRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<CogsSettings> find(long batchId) {
        return db.sql("SELECT " + COGS_COLUMNS + " FROM batches WHERE id = :id")
                .bind("id", batchId)
                .map(CogsRepository::toSettings)
                .one();
    }

    /** Locks the batch row until the transaction ends (the same lock every stock change of the batch takes). */
    Mono<CogsSettings> lock(long batchId) {
        return db.sql("SELECT " + COGS_COLUMNS + " FROM batches WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", batchId)
                .map(CogsRepository::toSettings)
                .one();
    }

    Mono<Boolean> exists(long batchId) {
        return db.sql("SELECT COUNT(*) AS n FROM batches WHERE id = :id")
                .bind("id", batchId)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(n -> n > 0);
    }

    /** The batch's recorded sales ({@code batch_sales}: one row per consumed reservation, with its cost). */
    Mono<SaleTotals> saleTotals(long batchId) {
        return db.sql("SELECT COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS qty FROM batch_sales WHERE batch_id = :id")
                .bind("id", batchId)
                .map(row -> new SaleTotals(row.get("n", Long.class), row.get("qty", BigDecimal.class)))
                .one();
    }

    /**
     * The batch's recorded sales with the unit cost each carries now: the newest correction's new cost, or the cost
     * recorded at the sale. A derived table, so the correction insert below can read its own target table.
     */
    private static final String SALES_AT_CURRENT_COST = "(SELECT s.id, s.batch_id, s.quantity, COALESCE("
            + "(SELECT c.new_unit_cost FROM cogs_corrections c WHERE c.batch_sale_id = s.id "
            + "ORDER BY c.id DESC LIMIT 1), s.unit_cost) AS current_cost "
            + "FROM batch_sales s WHERE s.batch_id = :batchId) t";

    /** Σ amount of the corrections a retroactive change to {@code unitCost} would write (the same rounding). */
    Mono<BigDecimal> correctionTotal(long batchId, BigDecimal unitCost) {
        return db.sql("SELECT COALESCE(SUM(ROUND(t.quantity * (:unitCost - t.current_cost), 2)), 0) AS total FROM "
                        + SALES_AT_CURRENT_COST)
                .bind("batchId", batchId)
                .bind("unitCost", unitCost)
                .map(row -> row.get("total", BigDecimal.class))
                .one();
    }

    /** How many recorded sales of the batch a retroactive change to {@code unitCost} would correct. */
    Mono<Long> countSalesToCorrect(long batchId, BigDecimal unitCost) {
        return db.sql("SELECT COUNT(*) AS n FROM " + SALES_AT_CURRENT_COST + " WHERE t.current_cost <> :unitCost")
                .bind("batchId", batchId)
                .bind("unitCost", unitCost)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /**
     * A retroactive change: one correction per recorded sale whose current cost differs from {@code unitCost}, with
     * amount = quantity × (new − current) rounded once to cents by {@code ROUND}, which on exact DECIMAL values is
     * the policy's HALF_UP ({@code dev.terp.domain.Rounding}). The sales themselves are not touched. Answers how many
     * corrections it wrote.
     */
    Mono<Long> insertCorrections(long batchId, long historyId, BigDecimal unitCost, long actorId) {
        return db.sql("INSERT INTO cogs_corrections (batch_sale_id, batch_id, cogs_history_id, quantity, "
                        + "old_unit_cost, new_unit_cost, amount, created_by) SELECT t.id, t.batch_id, :historyId, "
                        + "t.quantity, t.current_cost, :unitCost, ROUND(t.quantity * (:unitCost - t.current_cost), 2), "
                        + ":actorId FROM " + SALES_AT_CURRENT_COST + " WHERE t.current_cost <> :unitCost ORDER BY t.id")
                .bind("batchId", batchId)
                .bind("historyId", historyId)
                .bind("unitCost", unitCost)
                .bind("actorId", actorId)
                .fetch().rowsUpdated();
    }

    record SaleTotals(long count, BigDecimal quantity) {
    }

    Mono<Long> insertHistory(CogsHistoryEntry entry) {
        GenericExecuteSpec spec = db.sql("INSERT INTO cogs_history (batch_id, old_unit_cogs, new_unit_cogs, old_min, "
                        + "new_min, old_max, new_max, change_type, reason, affected_sales, changed_by) VALUES "
                        + "(:batchId, :oldUnitCogs, :newUnitCogs, :oldMin, :newMin, :oldMax, :newMax, :changeType, "
                        + ":reason, :affectedSales, :changedBy)")
                .bind("batchId", entry.batchId())
                .bind("oldUnitCogs", entry.oldUnitCogs())
                .bind("newUnitCogs", entry.newUnitCogs())
                .bind("changeType", entry.changeType())
                .bind("reason", entry.reason())
                .bind("affectedSales", entry.affectedSales())
                .bind("changedBy", entry.changedBy());
        spec = money(spec, "oldMin", entry.oldMin());
        spec = money(spec, "newMin", entry.newMin());
        spec = money(spec, "oldMax", entry.oldMax());
        spec = money(spec, "newMax", entry.newMax());
        return spec.filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    /** Newest first, keyset paged on id. */
    Mono<List<CogsHistoryEntry>> history(long batchId, PageRequest page) {
        return db.sql("SELECT " + HISTORY_COLUMNS + " FROM cogs_history WHERE batch_id = :batchId AND id < :before "
                        + "ORDER BY id DESC LIMIT :limit")
                .bind("batchId", batchId)
                .bind("before", page.afterId() == 0 ? Long.MAX_VALUE : page.afterId())
                .bind("limit", page.fetchSize())
                .map(CogsRepository::toEntry)
                .all().collectList();
    }

    private static GenericExecuteSpec money(GenericExecuteSpec spec, String name, BigDecimal value) {
        return value == null ? spec.bindNull(name, BigDecimal.class) : spec.bind(name, value);
    }

    private static CogsSettings toSettings(Readable row) {
        return new CogsSettings(Rows.id(row, "id"), Mode.valueOf(row.get("cogs_mode", String.class)),
                row.get("unit_cogs", BigDecimal.class), row.get("unit_cogs_min", BigDecimal.class),
                row.get("unit_cogs_max", BigDecimal.class), Rows.id(row, "version"));
    }

    private static CogsHistoryEntry toEntry(Readable row) {
        Integer affected = row.get("affected_sales", Integer.class);
        return new CogsHistoryEntry(Rows.id(row, "id"), Rows.id(row, "batch_id"),
                row.get("old_unit_cogs", BigDecimal.class), row.get("new_unit_cogs", BigDecimal.class),
                row.get("old_min", BigDecimal.class), row.get("new_min", BigDecimal.class),
                row.get("old_max", BigDecimal.class), row.get("new_max", BigDecimal.class),
                row.get("change_type", String.class), row.get("reason", String.class),
                affected == null ? 0 : affected, Rows.id(row, "changed_by"), Rows.instant(row, "created_at"));
    }
}
