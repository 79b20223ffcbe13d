package dev.terp.inventory.batch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.platform.web.Decimals;

/** Where a batch's on-hand sits; for a placed batch the quantities add up to its on-hand. */
@Schema(name = "BatchLocations")
public record BatchLocationsView(long batchId, List<Item> items) {

    @Schema(name = "BatchLocationQuantity")
    public record Item(long locationId, @Schema(example = "4.0000") String quantity) {
    }

    public static BatchLocationsView of(long batchId, List<Slot> slots) {
        return new BatchLocationsView(batchId, slots.stream()
                .map(slot -> new Item(slot.locationId(), Decimals.formatQuantity(slot.quantity()))).toList());
    }
}
