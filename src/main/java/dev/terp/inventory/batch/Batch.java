package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.Quantities;

/** A received quantity of one product from one lot, with its stock buckets and lifecycle status. */
public record Batch(
        long id,
        String code,
        String sku,
        long productId,
        long lotId,
        BatchStatus status,
        Long gradeId,
        String cogsMode,
        BigDecimal unitCogs,
        BigDecimal unitCogsMin,
        BigDecimal unitCogsMax,
        String paymentTerms,
        BigDecimal onHandQty,
        BigDecimal reservedQty,
        BigDecimal quarantineQty,
        BigDecimal holdQty,
        BigDecimal defectiveQty,
        BigDecimal sampleQty,
        LocalDate expirationDate,
        boolean isSample,
        boolean sampleOnly,
        boolean sampleAvailable,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Quantities quantities() {
        return new Quantities(onHandQty, reservedQty, quarantineQty, holdQty, sampleQty);
    }

    public BigDecimal availableQty() {
        return quantities().available();
    }
}
