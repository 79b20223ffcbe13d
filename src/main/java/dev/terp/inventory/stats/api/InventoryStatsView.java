package dev.terp.inventory.stats.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.stats.InventoryStatsService;

/**
 * Inventory dashboard stats (domain {@code inventory.dashboardStats}); money and quantities are strings. Value =
 * Σ on-hand × unit cost basis (FIXED: unit COGS, RANGE: midpoint — D-27 fixed).
 */
@Schema(name = "InventoryStats")
public record InventoryStatsView(String totalUnits, String totalValue, String averageValuePerUnit,
        Map<String, Long> countsByStatus,
        @ArraySchema(maxItems = InventoryStatsService.MAX_CATEGORIES, arraySchema = @Schema(description = "The "
                + "categories holding the most value, highest first, at most " + InventoryStatsService.MAX_CATEGORIES
                + "; the totals cover every category"))
        List<CategoryStats> byCategory,
        @Schema(description = "How many categories hold stock (\"Uncategorized\" included); more than byCategory "
                + "lists when it is cut")
        int categoryCount) {

    @Schema(name = "InventoryCategoryStats")
    public record CategoryStats(String category, String units, String value) {
    }
}
