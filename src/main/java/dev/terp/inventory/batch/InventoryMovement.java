package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Instant;

import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.MovementType;

/**
 * One change of one bucket of one batch, with the bucket's value before and after: the append-only stock ledger.
 * A TRANSFER row names the location it describes, and its before/after are that location's quantity.
 */
public record InventoryMovement(
        long id,
        long batchId,
        MovementType movementType,
        Bucket bucket,
        BigDecimal quantityChange,
        BigDecimal quantityBefore,
        BigDecimal quantityAfter,
        String referenceType,
        Long referenceId,
        String reason,
        long performedBy,
        Long reversesMovementId,
        Instant createdAt,
        Long locationId) {
}
