package dev.terp.inventory.alert.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one generate run changed. */
@Schema(name = "InventoryAlertGenerateResult")
public record GenerateResult(int opened, int updated, int resolved) {
}
