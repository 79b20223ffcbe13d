package dev.terp.inventory.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.MovementType;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The rows an intake creates: the lot, the batch, its first location and its INTAKE movement. */
@Repository
class IntakeRepository {

    static final String REFERENCE_TYPE = "INTAKE";

    private final DatabaseClient db;

    IntakeRepository(DatabaseClient db) {
        this.db = db;
    }

    record NewBatch(String code, String sku, long productId, long lotId, Long gradeId, String cogsMode,
            BigDecimal unitCogs, BigDecimal unitCogsMin, BigDecimal unitCogsMax, String paymentTerms,
            BigDecimal onHand, LocalDate expirationDate) {
    }

    Mono<Long> insertLot(String code, long vendorId, LocalDate receivedOn) {
        return db.sql("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, :receivedOn)")
                .bind("code", code)
                .bind("vendorId", vendorId)
                .bind("receivedOn", receivedOn)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> countLotsOfVendor(long vendorId) {
        return db.sql("SELECT COUNT(*) AS n FROM lots WHERE vendor_id = :vendorId")
                .bind("vendorId", vendorId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Long> insertBatch(NewBatch batch) {
        return db.sql("INSERT INTO batches (code, sku, product_id, lot_id, status, grade_id, cogs_mode, unit_cogs, "
                        + "unit_cogs_min, unit_cogs_max, payment_terms, on_hand_qty, expiration_date) VALUES (:code, "
                        + ":sku, :productId, :lotId, :status, :gradeId, :cogsMode, :unitCogs, :unitCogsMin, "
                        + ":unitCogsMax, :paymentTerms, :onHand, :expirationDate)")
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
                .bind("onHand", batch.onHand())
                .bind("expirationDate", Parameter.fromOrEmpty(batch.expirationDate(), LocalDate.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    /** The first entry of the batch's ledger: on-hand goes from 0 to the received quantity. */
    Mono<Long> insertIntakeMovement(long batchId, BigDecimal quantity, long performedBy) {
        return db.sql("INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, "
                        + "quantity_before, quantity_after, reference_type, performed_by) VALUES (:batchId, :type, "
                        + ":bucket, :change, :before, :after, :referenceType, :performedBy)")
                .bind("batchId", batchId)
                .bind("type", MovementType.INTAKE.name())
                .bind("bucket", Bucket.ON_HAND.name())
                .bind("change", quantity)
                .bind("before", BigDecimal.ZERO.setScale(quantity.scale()))
                .bind("after", quantity)
                .bind("referenceType", REFERENCE_TYPE)
                .bind("performedBy", performedBy)
                .fetch().rowsUpdated();
    }
}
