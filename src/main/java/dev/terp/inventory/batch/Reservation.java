package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Instant;

/** What one holder holds of one batch. Σ quantity over a batch's reservations is its {@code reservedQty}. */
public record Reservation(long id, long batchId, StockReference holder, BigDecimal quantity, long reservedBy,
        Instant createdAt, Instant updatedAt) {
}
