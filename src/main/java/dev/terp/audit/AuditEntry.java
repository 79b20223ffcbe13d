package dev.terp.audit;

import java.time.Instant;

/** One row of the audit trail: who did what to which record, with the state before and after. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long actorId,
        String actorUsername,
        String entity,
        Long entityId,
        String action,
        String before,
        String after,
        String reason,
        String ipAddress,
        String userAgent,
        String traceId) {
}
