package dev.terp.inventory.cogs.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A batch's COGS settings; money as strings with two decimals, null where the mode does not use a field. */
@Schema(name = "BatchCogs")
public record CogsView(
        long batchId,
        @Schema(allowableValues = {"FIXED", "RANGE"}) String cogsMode,
        @Schema(example = "12.50") String unitCogs,
        String unitCogsMin,
        String unitCogsMax,
        @Schema(description = "FIXED: unitCogs; RANGE: midpoint (min + max) / 2, two decimals, HALF_EVEN")
        String unitCostBasis,
        long version) {
}
