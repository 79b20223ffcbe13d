package dev.terp.inventory.batch.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Schema(name = "BatchReservationRequest")
public record ReservationRequest(
        @NotNull @Positive @Digits(integer = 11, fraction = 4)
        @Schema(type = "string", example = "1.0000", description = "String or number, > 0, at most 4 decimals")
        BigDecimal quantity,
        @Size(max = 50) String referenceType,
        @Positive Long referenceId) {
}
