package dev.terp.inventory.intakesession;

import java.math.BigDecimal;

import dev.terp.inventory.intakesession.api.AnnouncedBatchRequest;

/**
 * A line's fields after the checks that need no database: quantity and cost at their scale, notes trimmed (blank
 * means none). A new line names an announced batch ({@code batchId}) or announces one ({@code batch}); both are null
 * for an update, which cannot move a line to another batch.
 */
record LineCommand(Long batchId, AnnouncedBatchRequest batch, BigDecimal receivedQty, BigDecimal unitCost,
        String internalNotes, String vendorNotes, String cogsAgreement) {
}
