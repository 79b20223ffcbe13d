package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of cogs_history. */
record CogsHistoryEntry(long id, long batchId, BigDecimal oldUnitCogs, BigDecimal newUnitCogs, BigDecimal oldMin,
        BigDecimal newMin, BigDecimal oldMax, BigDecimal newMax, String changeType, String reason, int affectedSales,
        long changedBy, Instant createdAt) {
}
