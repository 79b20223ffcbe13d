-- Inventory core: lots, batches with their quantity buckets, per-location quantities and the movement ledger.
-- Quantities are DECIMAL(15,4) and money DECIMAL(15,2) (TERP kept both as varchar). The CHECKs are the last line
-- of defence against negative stock (D-06); the services lock the batch row and check before they write.

CREATE TABLE seq_lot (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    allocated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE seq_bch (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    allocated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE lots (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(50)  NOT NULL,
    vendor_id   BIGINT       NOT NULL,
    received_on DATE         NOT NULL,
    notes       TEXT         NULL,
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_lots_code (code),
    KEY idx_lots_vendor (vendor_id),
    CONSTRAINT fk_lots_vendor FOREIGN KEY (vendor_id) REFERENCES vendors (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE batches (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    code             VARCHAR(50)   NOT NULL,
    sku              VARCHAR(100)  NOT NULL,
    product_id       BIGINT        NOT NULL,
    lot_id           BIGINT        NOT NULL,
    status           VARCHAR(30)   NOT NULL DEFAULT 'AWAITING_INTAKE',
    grade_id         BIGINT        NULL,
    cogs_mode        VARCHAR(10)   NOT NULL,
    unit_cogs        DECIMAL(15,2) NULL,
    unit_cogs_min    DECIMAL(15,2) NULL,
    unit_cogs_max    DECIMAL(15,2) NULL,
    payment_terms    VARCHAR(20)   NOT NULL,
    on_hand_qty      DECIMAL(15,4) NOT NULL DEFAULT 0,
    reserved_qty     DECIMAL(15,4) NOT NULL DEFAULT 0,
    quarantine_qty   DECIMAL(15,4) NOT NULL DEFAULT 0,
    hold_qty         DECIMAL(15,4) NOT NULL DEFAULT 0,
    defective_qty    DECIMAL(15,4) NOT NULL DEFAULT 0,
    sample_qty       DECIMAL(15,4) NOT NULL DEFAULT 0,
    expiration_date  DATE          NULL,
    is_sample        BOOLEAN       NOT NULL DEFAULT FALSE,
    sample_only      BOOLEAN       NOT NULL DEFAULT FALSE,
    sample_available BOOLEAN       NOT NULL DEFAULT FALSE,
    version          INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_batches_code (code),
    UNIQUE KEY uq_batches_sku (sku),
    KEY idx_batches_product (product_id),
    KEY idx_batches_lot (lot_id),
    KEY idx_batches_status (status, id),
    KEY idx_batches_grade (grade_id),
    CONSTRAINT fk_batches_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_batches_lot FOREIGN KEY (lot_id) REFERENCES lots (id),
    CONSTRAINT fk_batches_grade FOREIGN KEY (grade_id) REFERENCES grades (id),
    CONSTRAINT ck_batches_status CHECK (status IN ('AWAITING_INTAKE', 'LIVE', 'PHOTOGRAPHY_COMPLETE', 'ON_HOLD',
        'QUARANTINED', 'SOLD_OUT', 'CLOSED')),
    CONSTRAINT ck_batches_cogs_mode CHECK (cogs_mode IN ('FIXED', 'RANGE')),
    CONSTRAINT ck_batches_payment_terms CHECK (payment_terms IN ('COD', 'NET_7', 'NET_15', 'NET_30',
        'CONSIGNMENT', 'PARTIAL')),
    CONSTRAINT ck_batches_on_hand CHECK (on_hand_qty >= 0),
    CONSTRAINT ck_batches_reserved CHECK (reserved_qty >= 0),
    CONSTRAINT ck_batches_quarantine CHECK (quarantine_qty >= 0),
    CONSTRAINT ck_batches_hold CHECK (hold_qty >= 0),
    CONSTRAINT ck_batches_defective CHECK (defective_qty >= 0),
    CONSTRAINT ck_batches_sample CHECK (sample_qty >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE batch_locations (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id    BIGINT        NOT NULL,
    location_id BIGINT        NOT NULL,
    qty         DECIMAL(15,4) NOT NULL DEFAULT 0,
    version     INT           NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_batch_locations (batch_id, location_id),
    KEY idx_batch_locations_location (location_id),
    CONSTRAINT fk_batch_locations_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT fk_batch_locations_location FOREIGN KEY (location_id) REFERENCES locations (id),
    CONSTRAINT ck_batch_locations_qty CHECK (qty >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: a wrong movement is corrected by a reversing ADJUSTMENT (reverses_movement_id), never edited.
-- performed_by has no foreign key, like audit_logs.actor_id: the ledger must outlive user administration.
-- The unique key on reverses_movement_id lets a movement be reversed at most once, even if a check is missed.
CREATE TABLE inventory_movements (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id             BIGINT        NOT NULL,
    movement_type        VARCHAR(30)   NOT NULL,
    bucket               VARCHAR(20)   NOT NULL,
    quantity_change      DECIMAL(15,4) NOT NULL,
    quantity_before      DECIMAL(15,4) NOT NULL,
    quantity_after       DECIMAL(15,4) NOT NULL,
    reference_type       VARCHAR(50)   NULL,
    reference_id         BIGINT        NULL,
    reason               VARCHAR(1000) NULL,
    performed_by         BIGINT        NOT NULL,
    reverses_movement_id BIGINT        NULL,
    created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY idx_inventory_movements_batch (batch_id, id),
    KEY idx_inventory_movements_reference (reference_type, reference_id),
    KEY idx_inventory_movements_type (movement_type),
    KEY idx_inventory_movements_created (created_at),
    UNIQUE KEY uq_inventory_movements_reverses (reverses_movement_id),
    CONSTRAINT fk_inventory_movements_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT fk_inventory_movements_reverses FOREIGN KEY (reverses_movement_id)
        REFERENCES inventory_movements (id),
    CONSTRAINT ck_inventory_movements_type CHECK (movement_type IN ('INTAKE', 'SALE', 'RETURN', 'REFUND_RETURN',
        'ADJUSTMENT', 'QUARANTINE', 'RELEASE_FROM_QUARANTINE', 'HOLD', 'RELEASE_FROM_HOLD', 'DISPOSAL', 'TRANSFER',
        'SAMPLE', 'RESERVATION', 'RELEASE_OF_RESERVATION')),
    CONSTRAINT ck_inventory_movements_bucket CHECK (bucket IN ('ON_HAND', 'RESERVED', 'QUARANTINE', 'HOLD', 'SAMPLE')),
    CONSTRAINT ck_inventory_movements_after CHECK (quantity_after >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
