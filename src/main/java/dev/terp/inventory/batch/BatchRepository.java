package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.Quantities;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

@Repository
class BatchRepository {

    private static final String COLUMNS = "id, code, sku, product_id, lot_id, status, grade_id, cogs_mode, unit_cogs, "
            + "unit_cogs_min, unit_cogs_max, payment_terms, on_hand_qty, reserved_qty, quarantine_qty, hold_qty, "
            + "defective_qty, sample_qty, expiration_date, is_sample, sample_only, sample_available, version, "
            + "created_at, updated_at";

    /** The same columns, qualified, for the list read that joins tables with their own id, code and version. */
    private static final String LIST_COLUMNS = "b.id, b.code, b.sku, b.product_id, b.lot_id, b.status, b.grade_id, "
            + "b.cogs_mode, b.unit_cogs, b.unit_cogs_min, b.unit_cogs_max, b.payment_terms, b.on_hand_qty, "
            + "b.reserved_qty, b.quarantine_qty, b.hold_qty, b.defective_qty, b.sample_qty, b.expiration_date, "
            + "b.is_sample, b.sample_only, b.sample_available, b.version, b.created_at, b.updated_at";

    private final DatabaseClient db;

    BatchRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new batch holds nothing yet: its stock arrives through {@link StockKeeper} (an INTAKE movement). */
    Mono<Long> insert(IntakeReceivingPort.NewBatch batch) {
        return db.sql("INSERT INTO batches (code, sku, product_id, lot_id, status, grade_id, cogs_mode, unit_cogs, "
                        + "unit_cogs_min, unit_cogs_max, payment_terms, expiration_date) VALUES (:code, :sku, "
                        + ":productId, :lotId, :status, :gradeId, :cogsMode, :unitCogs, :unitCogsMin, :unitCogsMax, "
                        + ":paymentTerms, :expirationDate)")
                .bind("code", batch.code())
                .bind("sku", batch.sku())
                .bind("productId", batch.productId())
                .bind("lotId", batch.lotId())
                .bind("status", BatchStatus.AWAITING_INTAKE.name())
                .bind("gradeId", Parameter.fromOrEmpty(batch.gradeId(), Long.class))
                .bind("cogsMode", batch.cogsMode())
                .bind("unitCogs", Parameter.fromOrEmpty(batch.unitCogs(), BigDecimal.class))
                .bind("unitCogsMin", Parameter.fromOrEmpty(batch.unitCogsMin(), BigDecimal.class))
                .bind("unitCogsMax", Parameter.fromOrEmpty(batch.unitCogsMax(), BigDecimal.class))
                .bind("paymentTerms", batch.paymentTerms())
                .bind("expirationDate", Parameter.fromOrEmpty(batch.expirationDate(), LocalDate.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    /** The vendor of the batch's lot, read with the batch under a shared lock (a current read). */
    Mono<Long> shareLockVendorOf(long batchId) {
        return db.sql("SELECT l.vendor_id FROM batches b JOIN lots l ON l.id = b.lot_id WHERE b.id = :id"
                        + LockMode.SHARE.clause())
                .bind("id", batchId)
                .map(row -> Rows.id(row, "vendor_id"))
                .one();
    }

    Mono<Batch> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM batches WHERE id = :id")
                .bind("id", id)
                .map(BatchRepository::toBatch)
                .one();
    }

    /** A current read under a shared lock: no one changes the batch until this transaction ends. */
    Mono<Batch> shareLockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM batches WHERE id = :id" + LockMode.SHARE.clause())
                .bind("id", id)
                .map(BatchRepository::toBatch)
                .one();
    }

    /** Locks the row until the transaction ends: every stock check reads the quantities through this. */
    Mono<Batch> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM batches WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(BatchRepository::toBatch)
                .one();
    }

    /**
     * The list read joins product, brand, lot and vendor only to filter and search on them; the rows are still plain
     * batches. Every user value is bound; LIKE text goes through {@link Like#contains} so its wildcards are literal.
     */
    Mono<List<Batch>> list(BatchFilter filter, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + LIST_COLUMNS + " FROM batches b"
                        + " JOIN products p ON p.id = b.product_id"
                        + " JOIN lots l ON l.id = b.lot_id"
                        + " JOIN vendors v ON v.id = l.vendor_id"
                        + " LEFT JOIN brands br ON br.id = p.brand_id"
                        + " WHERE b.id > :after"
                        + (filter.status() == null ? "" : " AND b.status = :status")
                        + (filter.productId() == null ? "" : " AND b.product_id = :productId")
                        + (filter.vendorId() == null ? "" : " AND l.vendor_id = :vendorId")
                        + (filter.gradeId() == null ? "" : " AND b.grade_id = :gradeId")
                        + (filter.categoryId() == null ? "" : " AND p.category_id = :categoryId")
                        + (filter.q() == null ? "" : " AND (b.code LIKE :q OR b.sku LIKE :q OR p.name_canonical LIKE :q"
                                + " OR br.name LIKE :q OR v.name LIKE :q)")
                        + " ORDER BY b.id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (filter.status() != null) {
            query = query.bind("status", filter.status().name());
        }
        if (filter.productId() != null) {
            query = query.bind("productId", filter.productId());
        }
        if (filter.vendorId() != null) {
            query = query.bind("vendorId", filter.vendorId());
        }
        if (filter.gradeId() != null) {
            query = query.bind("gradeId", filter.gradeId());
        }
        if (filter.categoryId() != null) {
            query = query.bind("categoryId", filter.categoryId());
        }
        if (filter.q() != null) {
            query = query.bind("q", Like.contains(filter.q()));
        }
        return query.map(BatchRepository::toBatch).all().collectList();
    }

    /**
     * Locks several batches in one statement; InnoDB takes the row locks in index (ascending id) order, so bulk
     * changes over overlapping sets queue instead of deadlocking. Unknown ids are simply absent from the answer.
     */
    Mono<List<Batch>> lockAll(List<Long> ids) {
        return db.sql("SELECT " + COLUMNS + " FROM batches WHERE id IN (:ids) ORDER BY id" + LockMode.WAIT.clause())
                .bind("ids", ids.stream().distinct().sorted().toList())
                .map(BatchRepository::toBatch)
                .all()
                .collectList();
    }

    /** Only called with the row locked, so writing absolute values loses no concurrent change. */
    Mono<Long> updateQuantities(long id, Quantities quantities) {
        return db.sql("UPDATE batches SET on_hand_qty = :onHand, reserved_qty = :reserved, "
                        + "quarantine_qty = :quarantine, hold_qty = :hold, sample_qty = :sample, version = version + 1 "
                        + "WHERE id = :id")
                .bind("onHand", quantities.onHand())
                .bind("reserved", quantities.reserved())
                .bind("quarantine", quantities.quarantine())
                .bind("hold", quantities.hold())
                .bind("sample", quantities.sample())
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Conditional on the version the client saw: 0 rows means gone or changed meanwhile. */
    Mono<Long> updateSampleFlags(long id, boolean sampleOnly, boolean sampleAvailable, long expectedVersion) {
        return db.sql("UPDATE batches SET sample_only = :sampleOnly, sample_available = :sampleAvailable, "
                        + "version = version + 1 WHERE id = :id AND version = :expected")
                .bind("sampleOnly", sampleOnly)
                .bind("sampleAvailable", sampleAvailable)
                .bind("id", id)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> updateUnitCogs(long id, BigDecimal unitCogs, long expectedVersion) {
        return db.sql("UPDATE batches SET unit_cogs = :unitCogs, version = version + 1 "
                        + "WHERE id = :id AND version = :expected")
                .bind("unitCogs", unitCogs)
                .bind("id", id)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> updateCogsRange(long id, BigDecimal min, BigDecimal max, long expectedVersion) {
        return db.sql("UPDATE batches SET unit_cogs_min = :min, unit_cogs_max = :max, version = version + 1 "
                        + "WHERE id = :id AND version = :expected")
                .bind("min", min)
                .bind("max", max)
                .bind("id", id)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> updateDetails(long id, Long gradeId, LocalDate expirationDate, long expectedVersion) {
        return db.sql("UPDATE batches SET grade_id = :gradeId, expiration_date = :expirationDate, "
                        + "version = version + 1 WHERE id = :id AND version = :expected")
                .bind("gradeId", Parameter.fromOrEmpty(gradeId, Long.class))
                .bind("expirationDate", Parameter.fromOrEmpty(expirationDate, LocalDate.class))
                .bind("id", id)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Boolean> exists(long id) {
        return db.sql("SELECT COUNT(*) AS n FROM batches WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(count -> count > 0);
    }

    Mono<Long> updateStatus(long id, BatchStatus status) {
        return db.sql("UPDATE batches SET status = :status, version = version + 1 WHERE id = :id")
                .bind("status", status.name())
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    private static Batch toBatch(Readable row) {
        return new Batch(
                Rows.id(row, "id"),
                row.get("code", String.class),
                row.get("sku", String.class),
                Rows.id(row, "product_id"),
                Rows.id(row, "lot_id"),
                BatchStatus.valueOf(row.get("status", String.class)),
                row.get("grade_id", Long.class),
                row.get("cogs_mode", String.class),
                row.get("unit_cogs", BigDecimal.class),
                row.get("unit_cogs_min", BigDecimal.class),
                row.get("unit_cogs_max", BigDecimal.class),
                row.get("payment_terms", String.class),
                row.get("on_hand_qty", BigDecimal.class),
                row.get("reserved_qty", BigDecimal.class),
                row.get("quarantine_qty", BigDecimal.class),
                row.get("hold_qty", BigDecimal.class),
                row.get("defective_qty", BigDecimal.class),
                row.get("sample_qty", BigDecimal.class),
                row.get("expiration_date", LocalDate.class),
                Rows.bool(row, "is_sample"),
                Rows.bool(row, "sample_only"),
                Rows.bool(row, "sample_available"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
