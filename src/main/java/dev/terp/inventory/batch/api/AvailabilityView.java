package dev.terp.inventory.batch.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.batch.BatchService.Availability;
import dev.terp.platform.web.Decimals;

@Schema(name = "BatchAvailability", description = "Whether a quantity could be reserved now; advisory, read without "
        + "locks (a reservation made next can still meet a concurrent one and answer 409)")
public record AvailabilityView(
        long batchId,
        String status,
        @Schema(example = "8.0000") String availableQty,
        @Schema(example = "5.0000") String requestedQty,
        boolean sufficient,
        @Schema(nullable = true, description = "What a reservation would answer instead: INSUFFICIENT_INVENTORY, "
                + "BATCH_EXPIRED or CONFLICT (not sellable)") String refusalCode,
        @Schema(nullable = true) String refusalDetail) {

    public static AvailabilityView of(Availability availability) {
        return new AvailabilityView(availability.batch().id(), availability.batch().status().name(),
                Decimals.formatQuantity(availability.batch().availableQty()),
                Decimals.formatQuantity(availability.requested()), availability.refusal() == null,
                availability.refusal() == null ? null : availability.refusal().code().name(),
                availability.refusal() == null ? null : availability.refusal().getMessage());
    }
}
