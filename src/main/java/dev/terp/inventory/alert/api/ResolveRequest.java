package dev.terp.inventory.alert.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@io.swagger.v3.oas.annotations.media.Schema(name = "InventoryAlertResolveRequest")
public record ResolveRequest(@NotBlank @Size(max = 1000) String resolution) {
}
