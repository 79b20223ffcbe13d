-- COGS changes of a batch (domain §4.3 "retroactive COGS change", D-16). Append-only, like the movement ledger.
-- old/new_unit_cogs hold the unit cost basis (FIXED: unit_cogs, RANGE: midpoint) before and after the change;
-- the range bounds are kept as they were stored (NULL for FIXED batches).
-- changed_by has no foreign key, like audit_logs.actor_id: history must outlive user administration.
CREATE TABLE cogs_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id       BIGINT        NOT NULL,
    old_unit_cogs  DECIMAL(15,2) NOT NULL,
    new_unit_cogs  DECIMAL(15,2) NOT NULL,
    old_min        DECIMAL(15,2) NULL,
    new_min        DECIMAL(15,2) NULL,
    old_max        DECIMAL(15,2) NULL,
    new_max        DECIMAL(15,2) NULL,
    change_type    VARCHAR(20)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    affected_sales INT           NOT NULL DEFAULT 0,
    changed_by     BIGINT        NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY idx_cogs_history_batch (batch_id, id),
    CONSTRAINT fk_cogs_history_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT ck_cogs_history_change_type CHECK (change_type IN ('RETROACTIVE', 'PROSPECTIVE', 'BOTH')),
    CONSTRAINT ck_cogs_history_affected CHECK (affected_sales >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
