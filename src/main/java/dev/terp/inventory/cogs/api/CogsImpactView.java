package dev.terp.inventory.cogs.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a retroactive COGS change would do to the profit of past sales: profitImpact = −Σ of the corrections it would
 * write, one per recorded sale (quantity × (new − the sale's current cost), each rounded to cents, HALF_UP).
 */
@Schema(name = "BatchCogsImpact")
public record CogsImpactView(
        String oldUnitCostBasis,
        String newUnitCostBasis,
        String perUnitChange,
        @Schema(description = "Sum of the quantity of the batch's recorded sales") String quantitySold,
        @Schema(description = "Minus the sum of the corrections a PAST_SALES or BOTH change would write")
        String profitImpact) {
}
