package dev.terp.inventory.intakesession.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/**
 * Body of {@code PUT /api/v1/inventory/intake-sessions/{id}/lines/{lineId}}: the line's new values (absent notes are
 * cleared) and the session version the client saw, here or as {@code If-Match}.
 */
@Schema(name = "IntakeSessionLineUpdate")
public record IntakeSessionLineUpdate(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "10.5000",
                description = "Greater than 0, at most 4 decimals",
                        maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal receivedQty,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "12.50",
                description = "At least 0, at most 4 decimals",
                        maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal unitCost,
        @Size(max = 5000) String internalNotes,
        @Size(max = 5000) String vendorNotes,
        @Size(max = 5000) String cogsAgreement,
        @Schema(description = "The session's version (its ETag); or send If-Match") Long version) {
}
