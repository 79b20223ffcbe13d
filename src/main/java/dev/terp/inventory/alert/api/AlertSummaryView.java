package dev.terp.inventory.alert.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Open alerts counted: ACTIVE and ACKNOWLEDGED separately, {@code total} is both. Every type and every severity is
 * listed, in a fixed order, with zeros where there are none.
 */
@Schema(name = "InventoryAlertSummary")
public record AlertSummaryView(long active, long acknowledged, long total,
        @ArraySchema(maxItems = 4) List<TypeCount> byType,
        @ArraySchema(maxItems = 3) List<SeverityCount> bySeverity) {

    @Schema(name = "InventoryAlertTypeCount")
    public record TypeCount(
            @Schema(description = "LOW_STOCK | OVERSTOCK | EXPIRING | SLOW_MOVING") String type,
            long active, long acknowledged, long total) {
    }

    @Schema(name = "InventoryAlertSeverityCount")
    public record SeverityCount(
            @Schema(description = "LOW | MEDIUM | HIGH") String severity,
            long active, long acknowledged, long total) {
    }
}
