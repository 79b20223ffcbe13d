package dev.terp.inventory.batch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.platform.web.Decimals;

/**
 * The answer to a transfer: the source and the destination after it, ascending location id. The batch's full list
 * of locations is the keyset-paged {@code GET /api/v1/batches/{id}/locations}.
 */
@Schema(name = "BatchTransfer")
public record BatchLocationsView(long batchId, @ArraySchema(maxItems = 2) List<Item> items) {

    @Schema(name = "BatchLocationQuantity")
    public record Item(long locationId, @Schema(example = "4.0000") String quantity) {

        public static Item of(Slot slot) {
            return new Item(slot.locationId(), Decimals.formatQuantity(slot.quantity()));
        }
    }

    public static BatchLocationsView of(long batchId, List<Slot> slots) {
        return new BatchLocationsView(batchId, slots.stream().map(Item::of).toList());
    }
}
