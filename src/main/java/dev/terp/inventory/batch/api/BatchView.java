package dev.terp.inventory.batch.api;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.batch.Batch;
import dev.terp.platform.web.Decimals;

/** A batch as clients see it: quantities (scale 4) and money (scale 2) as strings. */
@Schema(name = "Batch")
public record BatchView(
        long id,
        String code,
        String sku,
        long productId,
        long lotId,
        String status,
        Long gradeId,
        String cogsMode,
        @Schema(example = "12.50") String unitCogs,
        String unitCogsMin,
        String unitCogsMax,
        String paymentTerms,
        @Schema(example = "10.0000") String onHandQty,
        String reservedQty,
        String quarantineQty,
        String holdQty,
        String defectiveQty,
        String sampleQty,
        @Schema(description = "Sample pool, not part of on-hand") boolean sampleOnly,
        boolean sampleAvailable,
        @Schema(description = "max(0, onHand - reserved - quarantine - hold)") String availableQty,
        LocalDate expirationDate,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static BatchView of(Batch batch) {
        return new BatchView(batch.id(), batch.code(), batch.sku(), batch.productId(), batch.lotId(),
                batch.status().name(), batch.gradeId(), batch.cogsMode(), Decimals.formatMoney(batch.unitCogs()),
                Decimals.formatMoney(batch.unitCogsMin()), Decimals.formatMoney(batch.unitCogsMax()),
                batch.paymentTerms(), Decimals.formatQuantity(batch.onHandQty()),
                Decimals.formatQuantity(batch.reservedQty()), Decimals.formatQuantity(batch.quarantineQty()),
                Decimals.formatQuantity(batch.holdQty()), Decimals.formatQuantity(batch.defectiveQty()),
                Decimals.formatQuantity(batch.sampleQty()), batch.sampleOnly(), batch.sampleAvailable(),
                Decimals.formatQuantity(batch.availableQty()),
                batch.expirationDate(), batch.version(), batch.createdAt(), batch.updatedAt());
    }
}
