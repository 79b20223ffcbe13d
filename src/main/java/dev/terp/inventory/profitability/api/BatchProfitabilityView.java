package dev.terp.inventory.profitability.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Profitability of one batch from its recorded sales; money scale 2 and quantities scale 4, as strings.
 * {@code marginPercent} is null when revenue is 0; {@code averagePrice} and {@code potentialRevenue} are null when
 * nothing was sold; {@code potentialProfit} also when the batch's COGS settings are incomplete.
 */
@Schema(name = "BatchProfitability")
public record BatchProfitabilityView(
        long batchId,
        String batchCode,
        @Schema(description = "Σ quantity of the batch's sales") String soldQty,
        @Schema(description = "Σ quantity × unit price") String revenue,
        @Schema(description = "Σ quantity × unit cost basis at the time of each sale") String cost,
        @Schema(description = "revenue − cost") String profit,
        @Schema(description = "profit / revenue × 100; null when revenue is 0", nullable = true) String marginPercent,
        @Schema(description = "revenue / soldQty; null when nothing was sold", nullable = true) String averagePrice,
        @Schema(description = "Current on-hand quantity") String onHandQty,
        @Schema(description = "onHandQty × averagePrice; null when nothing was sold", nullable = true)
        String potentialRevenue,
        @Schema(description = "potentialRevenue − onHandQty × current unit cost basis (RANGE: midpoint); null when "
                + "nothing was sold or the COGS settings are incomplete", nullable = true)
        String potentialProfit) {
}
