package dev.terp.inventory.cogs.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One COGS change of a batch; old/newUnitCogs are the unit cost basis before and after. */
@Schema(name = "BatchCogsHistoryEntry")
public record CogsHistoryView(
        long id,
        long batchId,
        String oldUnitCogs,
        String newUnitCogs,
        String oldUnitCogsMin,
        String newUnitCogsMin,
        String oldUnitCogsMax,
        String newUnitCogsMax,
        @Schema(allowableValues = {"RETROACTIVE", "PROSPECTIVE", "BOTH"}) String changeType,
        String reason,
        int affectedSales,
        long changedBy,
        Instant createdAt) {
}
