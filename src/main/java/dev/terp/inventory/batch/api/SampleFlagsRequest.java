package dev.terp.inventory.batch.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The flags sample fulfilment selects batches by; version (or If-Match) is the batch version the client saw. */
@Schema(name = "BatchSampleFlagsRequest")
public record SampleFlagsRequest(
        @NotNull Boolean sampleOnly,
        @NotNull Boolean sampleAvailable,
        @Schema(description = "Batch version; may be sent as If-Match instead") Long version) {
}
