package dev.terp.audit;

import java.time.Instant;

/** Filters of {@code GET /api/v1/audit-logs}; null means "any". */
record AuditQuery(String entity, Long entityId, Long actorId, Instant from, Instant to) {
}
