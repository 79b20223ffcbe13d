package dev.terp.inventory.intakesession;

import java.math.BigDecimal;

/**
 * A line's fields after the checks that need no database: quantity and cost at their scale, notes trimmed (blank
 * means none). {@code batchId} is null for an update, which cannot move a line to another batch.
 */
record LineCommand(Long batchId, BigDecimal receivedQty, BigDecimal unitCost, String internalNotes,
        String vendorNotes, String cogsAgreement) {
}
