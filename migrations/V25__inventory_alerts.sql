-- Inventory alerts (domain §4.17): LOW_STOCK, OVERSTOCK, EXPIRING per batch, opened/updated/auto-resolved by the
-- generate run, acknowledged and resolved by users. threshold/current_value are quantities, or days for EXPIRING.
-- At most one ACTIVE-or-ACKNOWLEDGED alert per (batch, type): MySQL has no partial unique index, so the service
-- enforces it under row locks, and open_slot (1 while open, NULL once resolved; NULLs never collide in a unique key)
-- is the safety net. acknowledged_by has no foreign key, like audit_logs.actor_id.
CREATE TABLE inventory_alerts (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id        BIGINT        NOT NULL,
    alert_type      VARCHAR(20)   NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    status          VARCHAR(15)   NOT NULL DEFAULT 'ACTIVE',
    threshold       DECIMAL(15,4) NOT NULL,
    current_value   DECIMAL(15,4) NOT NULL,
    message         VARCHAR(500)  NOT NULL,
    acknowledged_by BIGINT        NULL,
    acknowledged_at TIMESTAMP(6)  NULL,
    resolved_at     TIMESTAMP(6)  NULL,
    resolution      VARCHAR(1000) NULL,
    open_slot       TINYINT       NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_inventory_alerts_open (batch_id, alert_type, open_slot),
    KEY idx_inventory_alerts_status (status, id),
    KEY idx_inventory_alerts_type (alert_type, id),
    CONSTRAINT fk_inventory_alerts_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT ck_inventory_alerts_type CHECK (alert_type IN ('LOW_STOCK', 'OVERSTOCK', 'EXPIRING')),
    CONSTRAINT ck_inventory_alerts_severity CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    CONSTRAINT ck_inventory_alerts_status CHECK (status IN ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED')),
    CONSTRAINT ck_inventory_alerts_open_slot CHECK ((status = 'RESOLVED' AND open_slot IS NULL)
        OR (status <> 'RESOLVED' AND open_slot = 1))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
