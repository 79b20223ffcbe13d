package dev.terp.inventory.cogs.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a COGS change would do to the profit of past sales: profitImpact = −perUnitChange × quantitySold.
 * Until the sales module exists, quantitySold is the on-hand quantity consumed by SALE movements of the batch.
 */
@Schema(name = "BatchCogsImpact")
public record CogsImpactView(
        String oldUnitCostBasis,
        String newUnitCostBasis,
        String perUnitChange,
        @Schema(description = "Sum of on-hand quantity consumed by SALE movements of the batch") String quantitySold,
        String profitImpact) {
}
