package dev.terp.inventory.batch.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "BatchStatusChangeRequest")
public record StatusChangeRequest(
        @NotBlank @Schema(allowableValues = {"AWAITING_INTAKE", "LIVE", "PHOTOGRAPHY_COMPLETE", "ON_HOLD",
                "QUARANTINED", "SOLD_OUT", "CLOSED"}) String status,
        @Size(max = 1000) String reason) {
}
