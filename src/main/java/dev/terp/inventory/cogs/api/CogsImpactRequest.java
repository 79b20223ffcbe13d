package dev.terp.inventory.cogs.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.platform.web.Decimals;

/** FIXED batches send newUnitCogs; RANGE batches newUnitCogsMin and newUnitCogsMax. */
@Schema(name = "BatchCogsImpactRequest")
public record CogsImpactRequest(
        @Schema(type = "string", example = "13.00", description = "FIXED batches; >= 0, at most 2 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal newUnitCogs,
        @Schema(type = "string", description = "RANGE batches; >= 0, below newUnitCogsMax",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal newUnitCogsMin,
        @Schema(type = "string", description = "RANGE batches; above newUnitCogsMin",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal newUnitCogsMax) {
}
