package dev.terp.inventory.view.api;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "InventoryView")
public record InventoryViewResponse(long id, String name,
        @Schema(implementation = BatchListFilters.class) Map<String, Object> filters, boolean isShared,
        long ownerId, long version, Instant createdAt, Instant updatedAt) {
}
