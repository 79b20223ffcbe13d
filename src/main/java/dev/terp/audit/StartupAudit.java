package dev.terp.audit;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * The audit row of something done at start-up, before the reactive stack runs (the first administrator, created
 * right after Flyway over its JDBC connection). Kept here so {@code audit_logs} has one writer: this module.
 */
public final class StartupAudit {

    private StartupAudit() {
    }

    public static void recordCreated(JdbcOperations jdbc, String entity, long entityId, String reason) {
        jdbc.update("INSERT INTO audit_logs (entity, entity_id, action, reason) VALUES (?, ?, 'CREATED', ?)",
                entity, entityId, reason);
    }
}
