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
        @Schema(implementation = Snapshot.class, description = "State before the change, absent for creations")
        JsonNode before,
        @Schema(implementation = Snapshot.class, description = "State after the change, absent for deletions")
        JsonNode after,
        String reason,
        String ipAddress,
        String userAgent,
        String traceId) {

    /** Names the free-form record snapshot in the OpenAPI document (a JsonNode would clash in generated clients). */
    @Schema(name = "AuditSnapshot", description = "The audited record as the API showed it at the time; its fields "
            + "are those of the entity's own schema then", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    public static final class Snapshot {
        private Snapshot() {
        }
    }
}
