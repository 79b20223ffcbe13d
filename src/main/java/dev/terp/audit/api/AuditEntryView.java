package dev.terp.audit.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

@Schema(name = "AuditLog")
public record AuditEntryView(
        long id,
        Instant occurredAt,
        Long actorId,
        String actorUsername,
        @Schema(example = "Vendor") String entity,
        Long entityId,
        @Schema(example = "UPDATED") String action,
        @Schema(description = "State before the change (JSON), absent for creations") JsonNode before,
        @Schema(description = "State after the change (JSON), absent for deletions") JsonNode after,
        String reason,
        String ipAddress,
        String userAgent,
        String traceId) {
}
