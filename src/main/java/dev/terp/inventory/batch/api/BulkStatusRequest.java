package dev.terp.inventory.batch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Many batches to one status; at most 200 so one transaction's lock set stays small. */
@Schema(name = "BatchBulkStatusRequest")
public record BulkStatusRequest(
        @NotNull @Size(min = 1, max = 200) List<Long> batchIds,
        @NotBlank @Schema(allowableValues = {"AWAITING_INTAKE", "LIVE", "PHOTOGRAPHY_COMPLETE", "ON_HOLD",
                "QUARANTINED", "SOLD_OUT", "CLOSED"}) String status,
        @Size(max = 1000) String reason) {
}
