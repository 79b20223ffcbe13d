package dev.terp.inventory.intakesession.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;

/**
 * Body of {@code POST /api/v1/inventory/intake-sessions/{id}/lines}. Batch, quantity and cost carry no constraint
 * annotations: they are checked together with the scale rules of api-conventions §1, every field at once. A session
 * receives only announced batches; a batch that already holds stock (e.g. from a direct intake) is refused with 409
 * BATCH_ALREADY_RECEIVED, one of another vendor with 409 VENDOR_MISMATCH.
 */
@Schema(name = "IntakeSessionLineRequest")
public record IntakeSessionLineRequest(
        @Schema(description = "An announced batch of the session's vendor: AWAITING_INTAKE, nothing received yet "
                + "(every bucket zero), not yet in this session. Exactly one of batchId and batch.") Long batchId,
        @Schema(description = "A new batch to announce with this line (created AWAITING_INTAKE, nothing on hand). "
                + "Exactly one of batchId and batch.") AnnouncedBatchRequest batch,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "10.5000",
                description = "Greater than 0, at most 4 decimals",
                        maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal receivedQty,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "12.50",
                description = "At least 0, at most 4 decimals",
                        maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal unitCost,
        @Size(max = 5000) String internalNotes,
        @Size(max = 5000) String vendorNotes,
        @Size(max = 5000) String cogsAgreement) {
}
