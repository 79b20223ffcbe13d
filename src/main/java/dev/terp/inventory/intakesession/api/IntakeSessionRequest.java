package dev.terp.inventory.intakesession.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/inventory/intake-sessions}. Who received the goods is the caller, never a field; status,
 * number and totals are the server's (an unknown field is refused).
 */
@Schema(name = "IntakeSessionRequest")
public record IntakeSessionRequest(
        @NotNull @Positive @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "An existing, active vendor") Long vendorId,
        @NotNull @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-25") LocalDate receiveDate,
        @NotBlank @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"COD", "NET_7", "NET_15", "NET_30", "CONSIGNMENT", "PARTIAL"})
        String paymentTerms,
        @Schema(description = "On or after receiveDate") LocalDate paymentDueDate,
        @Size(max = 5000) String internalNotes,
        @Size(max = 5000) String vendorNotes) {
}
