package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.IntakeSessionStatus;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Sessions and their lines. Every write runs with the session row locked by the caller, so the absolute values it
 * writes (the recomputed total, the new status) lose no concurrent change; each write bumps the session version.
 */
@Repository
class IntakeSessionRepository {

    private static final String COLUMNS = "id, session_number, vendor_id, status, receive_date, received_by, "
            + "payment_terms, payment_due_date, total_amount, amount_paid, internal_notes, vendor_notes, "
            + "receipt_generated, receipt_generated_at, completed_at, cancelled_at, version, created_at, updated_at";

    private static final String LINE_COLUMNS = "l.id, l.session_id, l.batch_id, b.code AS batch_code, b.sku, "
            + "l.received_qty, l.unit_cost, l.total_cost, l.internal_notes, l.vendor_notes, l.cogs_agreement, "
            + "l.version, l.created_at, l.updated_at";

    private final DatabaseClient db;

    IntakeSessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What adding a line needs to know about its batch. */

    record NewSession(String sessionNumber, long vendorId, LocalDate receiveDate, long receivedBy,
            String paymentTerms, LocalDate paymentDueDate, String internalNotes, String vendorNotes) {
    }

    Mono<Long> insert(NewSession session) {
        return db.sql("INSERT INTO intake_sessions (session_number, vendor_id, status, receive_date, received_by, "
                        + "payment_terms, payment_due_date, internal_notes, vendor_notes) VALUES (:number, :vendorId, "
                        + ":status, :receiveDate, :receivedBy, :paymentTerms, :dueDate, :internalNotes, :vendorNotes)")
                .bind("number", session.sessionNumber())
                .bind("vendorId", session.vendorId())
                .bind("status", IntakeSessionStatus.IN_PROGRESS.name())
                .bind("receiveDate", session.receiveDate())
                .bind("receivedBy", session.receivedBy())
                .bind("paymentTerms", session.paymentTerms())
                .bind("dueDate", Parameter.fromOrEmpty(session.paymentDueDate(), LocalDate.class))
                .bind("internalNotes", Parameter.fromOrEmpty(session.internalNotes(), String.class))
                .bind("vendorNotes", Parameter.fromOrEmpty(session.vendorNotes(), String.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<IntakeSession> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM intake_sessions WHERE id = :id")
                .bind("id", id)
                .map(IntakeSessionRepository::toSession)
                .one();
    }

    /** Every change of a session and its lines queues here, so checks and writes see the same row. */
    Mono<IntakeSession> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM intake_sessions WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(IntakeSessionRepository::toSession)
                .one();
    }

    /** Ascending id (keyset); every user value is bound. */
    Mono<List<IntakeSession>> list(IntakeSessionFilter filter, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM intake_sessions WHERE id > :after"
                        + (filter.vendorId() == null ? "" : " AND vendor_id = :vendorId")
                        + (filter.status() == null ? "" : " AND status = :status")
                        + (filter.receivedFrom() == null ? "" : " AND receive_date >= :receivedFrom")
                        + (filter.receivedTo() == null ? "" : " AND receive_date <= :receivedTo")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (filter.vendorId() != null) {
            query = query.bind("vendorId", filter.vendorId());
        }
        if (filter.status() != null) {
            query = query.bind("status", filter.status().name());
        }
        if (filter.receivedFrom() != null) {
            query = query.bind("receivedFrom", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            query = query.bind("receivedTo", filter.receivedTo());
        }
        return query.map(IntakeSessionRepository::toSession).all().collectList();
    }

    Mono<List<IntakeSessionLine>> lines(long sessionId) {
        return db.sql("SELECT " + LINE_COLUMNS + " FROM intake_session_lines l JOIN batches b ON b.id = l.batch_id "
                        + "WHERE l.session_id = :sessionId ORDER BY l.id")
                .bind("sessionId", sessionId)
                .map(IntakeSessionRepository::toLine)
                .all()
                .collectList();
    }

    /**
     * The batches of the session's lines, by a locking read: it does not fix the transaction's snapshot (see
     * {@code IntakeSessionService.complete}). Line rows only change under the session lock, so sharing them costs
     * nothing.
     */
    Mono<List<Long>> lockLineBatchIds(long sessionId) {
        return db.sql("SELECT batch_id FROM intake_session_lines WHERE session_id = :sessionId ORDER BY batch_id"
                        + LockMode.SHARE.clause())
                .bind("sessionId", sessionId)
                .map(row -> Rows.id(row, "batch_id"))
                .all()
                .collectList();
    }

    Mono<IntakeSessionLine> findLine(long sessionId, long lineId) {
        return db.sql("SELECT " + LINE_COLUMNS + " FROM intake_session_lines l JOIN batches b ON b.id = l.batch_id "
                        + "WHERE l.session_id = :sessionId AND l.id = :lineId")
                .bind("sessionId", sessionId)
                .bind("lineId", lineId)
                .map(IntakeSessionRepository::toLine)
                .one();
    }


    Mono<Long> countLines(long sessionId) {
        return db.sql("SELECT COUNT(*) AS n FROM intake_session_lines WHERE session_id = :sessionId")
                .bind("sessionId", sessionId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Long> countOfVendor(long vendorId) {
        return db.sql("SELECT COUNT(*) AS n FROM intake_sessions WHERE vendor_id = :vendorId")
                .bind("vendorId", vendorId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Boolean> containsBatch(long sessionId, long batchId) {
        return db.sql("SELECT COUNT(*) AS n FROM intake_session_lines WHERE session_id = :sessionId "
                        + "AND batch_id = :batchId")
                .bind("sessionId", sessionId)
                .bind("batchId", batchId)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(count -> count > 0);
    }

    Mono<Long> insertLine(long sessionId, long batchId, LineCommand line, BigDecimal totalCost) {
        return db.sql("INSERT INTO intake_session_lines (session_id, batch_id, received_qty, unit_cost, total_cost, "
                        + "internal_notes, vendor_notes, cogs_agreement) VALUES (:sessionId, :batchId, :qty, "
                        + ":unitCost, :totalCost, :internalNotes, :vendorNotes, :cogsAgreement)")
                .bind("sessionId", sessionId)
                .bind("batchId", batchId)
                .bind("qty", line.receivedQty())
                .bind("unitCost", line.unitCost())
                .bind("totalCost", totalCost)
                .bind("internalNotes", Parameter.fromOrEmpty(line.internalNotes(), String.class))
                .bind("vendorNotes", Parameter.fromOrEmpty(line.vendorNotes(), String.class))
                .bind("cogsAgreement", Parameter.fromOrEmpty(line.cogsAgreement(), String.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> updateLine(long lineId, LineCommand line, BigDecimal totalCost) {
        return db.sql("UPDATE intake_session_lines SET received_qty = :qty, unit_cost = :unitCost, "
                        + "total_cost = :totalCost, internal_notes = :internalNotes, vendor_notes = :vendorNotes, "
                        + "cogs_agreement = :cogsAgreement, version = version + 1 WHERE id = :id")
                .bind("qty", line.receivedQty())
                .bind("unitCost", line.unitCost())
                .bind("totalCost", totalCost)
                .bind("internalNotes", Parameter.fromOrEmpty(line.internalNotes(), String.class))
                .bind("vendorNotes", Parameter.fromOrEmpty(line.vendorNotes(), String.class))
                .bind("cogsAgreement", Parameter.fromOrEmpty(line.cogsAgreement(), String.class))
                .bind("id", lineId)
                .fetch().rowsUpdated();
    }

    Mono<Long> deleteLine(long lineId) {
        return db.sql("DELETE FROM intake_session_lines WHERE id = :id").bind("id", lineId).fetch().rowsUpdated();
    }

    Mono<List<BigDecimal>> lineTotals(long sessionId) {
        return db.sql("SELECT total_cost FROM intake_session_lines WHERE session_id = :sessionId")
                .bind("sessionId", sessionId)
                .map(row -> row.get("total_cost", BigDecimal.class))
                .all()
                .collectList();
    }

    Mono<Long> updateTotal(long id, BigDecimal totalAmount) {
        return db.sql("UPDATE intake_sessions SET total_amount = :total, version = version + 1 WHERE id = :id")
                .bind("total", totalAmount)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> markCompleted(long id) {
        return db.sql("UPDATE intake_sessions SET status = :status, completed_at = CURRENT_TIMESTAMP(6), "
                        + "version = version + 1 WHERE id = :id")
                .bind("status", IntakeSessionStatus.COMPLETED.name())
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> markCancelled(long id) {
        return db.sql("UPDATE intake_sessions SET status = :status, cancelled_at = CURRENT_TIMESTAMP(6), "
                        + "version = version + 1 WHERE id = :id")
                .bind("status", IntakeSessionStatus.CANCELLED.name())
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    /** Only the first generation is recorded; the condition keeps a repeat from moving the time. */
    Mono<Long> markReceiptGenerated(long id) {
        return db.sql("UPDATE intake_sessions SET receipt_generated = TRUE, "
                        + "receipt_generated_at = CURRENT_TIMESTAMP(6), version = version + 1 "
                        + "WHERE id = :id AND receipt_generated = FALSE")
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<List<ReceiptLine>> receiptLines(long sessionId) {
        return db.sql("SELECT l.batch_id, b.code, b.sku, p.name_canonical, l.received_qty, l.unit_cost, l.total_cost "
                        + "FROM intake_session_lines l JOIN batches b ON b.id = l.batch_id "
                        + "JOIN products p ON p.id = b.product_id WHERE l.session_id = :sessionId ORDER BY l.id")
                .bind("sessionId", sessionId)
                .map(row -> new ReceiptLine(Rows.id(row, "batch_id"), row.get("code", String.class),
                        row.get("sku", String.class), row.get("name_canonical", String.class),
                        row.get("received_qty", BigDecimal.class), row.get("unit_cost", BigDecimal.class),
                        row.get("total_cost", BigDecimal.class)))
                .all()
                .collectList();
    }

    private static IntakeSession toSession(Readable row) {
        return new IntakeSession(
                Rows.id(row, "id"),
                row.get("session_number", String.class),
                Rows.id(row, "vendor_id"),
                IntakeSessionStatus.valueOf(row.get("status", String.class)),
                row.get("receive_date", LocalDate.class),
                Rows.id(row, "received_by"),
                row.get("payment_terms", String.class),
                row.get("payment_due_date", LocalDate.class),
                row.get("total_amount", BigDecimal.class),
                row.get("amount_paid", BigDecimal.class),
                row.get("internal_notes", String.class),
                row.get("vendor_notes", String.class),
                Rows.bool(row, "receipt_generated"),
                Rows.instant(row, "receipt_generated_at"),
                Rows.instant(row, "completed_at"),
                Rows.instant(row, "cancelled_at"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }

    private static IntakeSessionLine toLine(Readable row) {
        return new IntakeSessionLine(
                Rows.id(row, "id"),
                Rows.id(row, "session_id"),
                Rows.id(row, "batch_id"),
                row.get("batch_code", String.class),
                row.get("sku", String.class),
                row.get("received_qty", BigDecimal.class),
                row.get("unit_cost", BigDecimal.class),
                row.get("total_cost", BigDecimal.class),
                row.get("internal_notes", String.class),
                row.get("vendor_notes", String.class),
                row.get("cogs_agreement", String.class),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
