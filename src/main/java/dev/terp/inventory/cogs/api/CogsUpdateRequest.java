package dev.terp.inventory.cogs.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/** A COGS change; version (or If-Match) is the batch version the client saw. The acting user is the token's. */
@Schema(name = "BatchCogsUpdateRequest")
public record CogsUpdateRequest(
        @Schema(type = "string", example = "13.00", description = "FIXED batches; >= 0, at most 2 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal newUnitCogs,
        @Schema(type = "string", description = "RANGE batches; >= 0, below newUnitCogsMax",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal newUnitCogsMin,
        @Schema(type = "string", description = "RANGE batches; above newUnitCogsMin",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal newUnitCogsMax,
        @NotNull @Pattern(regexp = "PAST_SALES|FUTURE_SALES|BOTH", message = "must be PAST_SALES, FUTURE_SALES or BOTH")
        @Schema(allowableValues = {"PAST_SALES", "FUTURE_SALES", "BOTH"}) String applyTo,
        @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "Batch version; may be sent as If-Match instead") Long version) {
}
