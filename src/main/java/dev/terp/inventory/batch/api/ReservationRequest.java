package dev.terp.inventory.batch.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/**
 * A reservation made or released by hand. It names its holder: reservations by hand are held by {@code MANUAL}
 * holders (any positive id the operator keeps track of, e.g. a customer's hold slip); {@code LEGACY} holders (stock
 * reserved before reservations had holders) can only be released. Holders of other modules (orders) are theirs.
 */
@Schema(name = "BatchReservationRequest")
public record ReservationRequest(
        @NotNull @Positive @Digits(integer = 11, fraction = 4)
        @Schema(type = "string", example = "1.0000", description = "String or number, > 0, at most 4 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal quantity,
        @NotBlank @Size(max = 50) @Schema(allowableValues = {"MANUAL", "LEGACY"}, example = "MANUAL")
        String holderType,
        @NotNull @Positive @Schema(example = "7") Long holderId,
        @Size(max = 1000) String reason) {
}
