package dev.terp.inventory.batch.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/** Body of quarantine, release-quarantine, hold, release-hold and disposals. */
@Schema(name = "BatchQuantityRequest")
public record QuantityRequest(
        @NotNull @Positive @Digits(integer = 11, fraction = 4)
        @Schema(type = "string", example = "2.5000", description = "String or number, > 0, at most 4 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal quantity,
        @Size(max = 1000) String reason) {
}
