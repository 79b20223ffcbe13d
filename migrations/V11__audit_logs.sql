-- Append-only audit trail (TERP "auditLogs"). Rows are written in the same transaction as the change they
-- describe; the application has no code path that updates or deletes them.
CREATE TABLE audit_logs (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    actor_id       BIGINT       NULL,
    actor_username VARCHAR(64)  NULL,
    entity         VARCHAR(64)  NOT NULL,
    entity_id      BIGINT       NULL,
    action         VARCHAR(64)  NOT NULL,
    before_state   MEDIUMTEXT   NULL,
    after_state    MEDIUMTEXT   NULL,
    reason         VARCHAR(1000) NULL,
    ip_address     VARCHAR(45)  NULL,
    user_agent     VARCHAR(512) NULL,
    trace_id       VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY idx_audit_logs_entity (entity, entity_id, id),
    KEY idx_audit_logs_actor (actor_id, id),
    KEY idx_audit_logs_occurred (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
