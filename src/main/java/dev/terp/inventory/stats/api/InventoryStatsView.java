package dev.terp.inventory.stats.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Inventory dashboard stats (domain {@code inventory.dashboardStats}); money and quantities are strings. Value =
 * Σ on-hand × unit cost basis (FIXED: unit COGS, RANGE: midpoint — D-27 fixed).
 */
@Schema(name = "InventoryStats")
public record InventoryStatsView(String totalUnits, String totalValue, String averageValuePerUnit,
        Map<String, Long> countsByStatus, List<CategoryStats> byCategory) {

    @Schema(name = "InventoryCategoryStats")
    public record CategoryStats(String category, String units, String value) {
    }
}
