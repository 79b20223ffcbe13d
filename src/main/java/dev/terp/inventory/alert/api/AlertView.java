package dev.terp.inventory.alert.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** An inventory alert; threshold and currentValue are quantity strings (days for EXPIRING and SLOW_MOVING). */
@Schema(name = "InventoryAlert")
public record AlertView(long id, long batchId, String type, String severity, String status, String threshold,
        String currentValue, String message, Long acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt,
        String resolution, long version, Instant createdAt, Instant updatedAt) {
}
