package dev.terp.inventory.profitability.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Totals over every recorded sale; money scale 2 and quantities scale 4, as strings. */
@Schema(name = "ProfitabilitySummary")
public record ProfitabilitySummaryView(
        @Schema(description = "Batches with at least one sale") long batchCount,
        String soldQty,
        String revenue,
        String cost,
        String profit,
        @Schema(description = "profit / revenue × 100; null when revenue is 0", nullable = true) String marginPercent) {
}
