package dev.terp.inventory.batch.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.batch.InventoryMovement;
import dev.terp.platform.web.Decimals;

@Schema(name = "InventoryMovement")
public record MovementView(
        long id,
        long batchId,
        String movementType,
        @Schema(description = "ON_HAND, RESERVED, QUARANTINE, HOLD or SAMPLE") String bucket,
        @Schema(description = "Signed", example = "-2.0000") String quantityChange,
        String quantityBefore,
        String quantityAfter,
        String referenceType,
        Long referenceId,
        String reason,
        long performedBy,
        Long reversesMovementId,
        Instant createdAt,
        @Schema(description = "Set on TRANSFER rows: before/after are this location's quantity") Long locationId) {

    public static MovementView of(InventoryMovement movement) {
        return new MovementView(movement.id(), movement.batchId(), movement.movementType().name(),
                movement.bucket().name(), Decimals.formatQuantity(movement.quantityChange()),
                Decimals.formatQuantity(movement.quantityBefore()), Decimals.formatQuantity(movement.quantityAfter()),
                movement.referenceType(), movement.referenceId(), movement.reason(), movement.performedBy(),
                movement.reversesMovementId(), movement.createdAt(), movement.locationId());
    }
}
