-- Retroactive COGS corrections (domain §4.3, D-16; issue 8): a recorded sale keeps the unit cost it was sold at
-- (batch_sales is append-only and never rewritten), and a retroactive change (PAST_SALES, BOTH) writes one row here
-- per recorded sale whose cost it changes: the sale's cost before the change (its recorded cost, or the newest
-- correction's new cost), the new cost, and amount = quantity × (new − old) rounded once to cents by the one rounding
-- policy (HALF_UP; may be negative). Profitability reports recorded cost + Σ amount; the accounting module will post
-- each row once and stamp posted_at, so reported profit and the general ledger agree.
-- Append-only apart from posted_at. created_by has no foreign key, like cogs_history.changed_by.
CREATE TABLE cogs_corrections (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    batch_sale_id   BIGINT        NOT NULL,
    batch_id        BIGINT        NOT NULL,
    cogs_history_id BIGINT        NOT NULL,
    quantity        DECIMAL(15,4) NOT NULL,
    old_unit_cost   DECIMAL(15,2) NOT NULL,
    new_unit_cost   DECIMAL(15,2) NOT NULL,
    amount          DECIMAL(15,2) NOT NULL,
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    posted_at       TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY idx_cogs_corrections_batch (batch_id, id),
    KEY idx_cogs_corrections_sale (batch_sale_id, id),
    KEY idx_cogs_corrections_history (cogs_history_id),
    KEY idx_cogs_corrections_unposted (posted_at, id),
    CONSTRAINT fk_cogs_corrections_sale FOREIGN KEY (batch_sale_id) REFERENCES batch_sales (id),
    CONSTRAINT fk_cogs_corrections_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT fk_cogs_corrections_history FOREIGN KEY (cogs_history_id) REFERENCES cogs_history (id),
    CONSTRAINT ck_cogs_corrections_quantity CHECK (quantity > 0),
    CONSTRAINT ck_cogs_corrections_costs CHECK (old_unit_cost >= 0 AND new_unit_cost >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
