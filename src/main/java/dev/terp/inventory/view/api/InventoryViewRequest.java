package dev.terp.inventory.view.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A view to save. The owner is never part of the body: it is the caller (D-02). */
public record InventoryViewRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Schema(implementation = BatchListFilters.class) Map<String, Object> filters,
        Boolean isShared) {
}
