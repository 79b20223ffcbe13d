package dev.terp.inventory.intakesession.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.intakesession.IntakeSessionLine;
import dev.terp.platform.web.Decimals;

@Schema(name = "IntakeSessionLine")
public record IntakeSessionLineView(
        long id,
        long batchId,
        String batchCode,
        String sku,
        @Schema(example = "10.0000") String receivedQty,
        @Schema(example = "12.5000") String unitCost,
        @Schema(example = "125.00", description = "receivedQty x unitCost, rounded once to cents, HALF_UP")
        String totalCost,
        String internalNotes,
        String vendorNotes,
        String cogsAgreement,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static IntakeSessionLineView of(IntakeSessionLine line) {
        return new IntakeSessionLineView(line.id(), line.batchId(), line.batchCode(), line.sku(),
                Decimals.formatQuantity(line.receivedQty()), Decimals.formatUnitCost(line.unitCost()),
                Decimals.formatMoney(line.totalCost()), line.internalNotes(), line.vendorNotes(),
                line.cogsAgreement(), line.version(), line.createdAt(), line.updatedAt());
    }
}
