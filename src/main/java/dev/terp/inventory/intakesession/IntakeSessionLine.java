package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.time.Instant;

/** A batch received in a session, read with the batch's code and SKU for display. */
public record IntakeSessionLine(
        long id,
        long sessionId,
        long batchId,
        String batchCode,
        String sku,
        BigDecimal receivedQty,
        BigDecimal unitCost,
        BigDecimal totalCost,
        String internalNotes,
        String vendorNotes,
        String cogsAgreement,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
