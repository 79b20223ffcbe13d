package dev.terp.inventory.alert;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code inventory_alerts}. */
record InventoryAlert(long id, long batchId, String type, String severity, String status, BigDecimal threshold,
        BigDecimal currentValue, String message, Long acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt,
        String resolution, long version, Instant createdAt, Instant updatedAt) {

    static final String ACTIVE = "ACTIVE";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String RESOLVED = "RESOLVED";
}
