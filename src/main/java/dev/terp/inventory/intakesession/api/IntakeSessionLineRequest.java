package dev.terp.inventory.intakesession.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/inventory/intake-sessions/{id}/lines}. Batch, quantity and cost carry no constraint
 * annotations: they are checked together with the scale rules of api-conventions §1, every field at once.
 */
@Schema(name = "IntakeSessionLineRequest")
public record IntakeSessionLineRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "An existing batch in AWAITING_INTAKE, not yet in this session") Long batchId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "10.5000",
                description = "Greater than 0, at most 4 decimals") BigDecimal receivedQty,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "12.50",
                description = "At least 0, at most 4 decimals") BigDecimal unitCost,
        @Size(max = 5000) String internalNotes,
        @Size(max = 5000) String vendorNotes,
        @Size(max = 5000) String cogsAgreement) {
}
