package dev.terp.inventory.batch.api;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.batch.BatchService;
import dev.terp.inventory.batch.BatchService.MovementSummary;
import dev.terp.platform.web.Decimals;

@Schema(name = "BatchMovementSummary", description = "How a batch's on-hand came about, by movement type")
public record MovementSummaryView(
        long batchId,
        @Schema(description = "The batch's on-hand now", example = "42.0000") String onHandQty,
        @Schema(description = "Sum of every listed change; equals onHandQty when the whole history was recorded as "
                + "movements", example = "42.0000") String totalChange,
        @ArraySchema(maxItems = 14, arraySchema = @Schema(description = "Movement types that changed on-hand, in "
                + "a fixed order; types without ON_HAND movements are absent (at most one per movement type)"))
        List<TypeTotal> byType) {

    @Schema(name = "BatchMovementTypeTotal")
    public record TypeTotal(
            @Schema(description = "INTAKE, SALE, RETURN, REFUND_RETURN, ADJUSTMENT, DISPOSAL, SAMPLE, ...")
            String movementType,
            @Schema(description = "Signed total change of the ON_HAND bucket", example = "-12.0000")
            String quantityChange,
            @Schema(description = "How many ON_HAND movements of this type") long movements) {
    }

    public static MovementSummaryView of(MovementSummary summary) {
        BigDecimal total = summary.byType().stream().map(BatchService.TypeTotal::change)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MovementSummaryView(summary.batchId(), Decimals.formatQuantity(summary.onHand()),
                Decimals.formatQuantity(total),
                summary.byType().stream().map(type -> new TypeTotal(type.type().name(),
                        Decimals.formatQuantity(type.change()), type.movements())).toList());
    }
}
