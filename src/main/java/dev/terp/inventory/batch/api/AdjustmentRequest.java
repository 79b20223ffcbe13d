package dev.terp.inventory.batch.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/**
 * ABSOLUTE: the counted on-hand (zero allowed), with the batch version the count was taken at (body or If-Match;
 * 428 without, 409 VERSION_CONFLICT when stock changed since). RELATIVE: a signed, non-zero correction of on-hand.
 */
@Schema(name = "BatchAdjustmentRequest")
public record AdjustmentRequest(
        @NotNull @Pattern(regexp = "ABSOLUTE|RELATIVE", message = "must be ABSOLUTE or RELATIVE")
        @Schema(allowableValues = {"ABSOLUTE", "RELATIVE"}) String mode,
        @NotNull @Digits(integer = 11, fraction = 4)
        @Schema(type = "string", example = "-2.5000", description = "String or number, at most 4 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal quantity,
        @NotBlank @Size(max = 1000) String reason,
        @PositiveOrZero @Schema(description = "Required for ABSOLUTE (or If-Match): the batch version the count was taken at; optional for RELATIVE")
        Long version) {
}
