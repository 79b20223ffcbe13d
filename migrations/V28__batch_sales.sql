-- The realised sale lines of a batch (domain §3.2 inventory.profitability, D-29): revenue per batch needs the price
-- each unit was actually sold at, which inventory_movements does not carry. The row lives in inventory, next to
-- the stock change it belongs to, because ReservationPort.consume writes both in one transaction; sales (orders)
-- will be the only writer, through that port, and never touch this table directly.
-- unit_cost is the batch's COGS basis per unit at the moment of sale (FIXED: unit_cogs, RANGE: midpoint), frozen so
-- that a later COGS change does not silently rewrite past profit.
-- Append-only. sold_by has no foreign key, like inventory_movements.performed_by: history outlives user administration.
CREATE TABLE batch_sales (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id       BIGINT        NOT NULL,
    quantity       DECIMAL(15,4) NOT NULL,
    unit_price     DECIMAL(15,2) NOT NULL,
    unit_cost      DECIMAL(15,2) NOT NULL,
    reference_type VARCHAR(50)   NULL,
    reference_id   BIGINT        NULL,
    sold_by        BIGINT        NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY idx_batch_sales_batch (batch_id, id),
    KEY idx_batch_sales_reference (reference_type, reference_id),
    CONSTRAINT fk_batch_sales_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT ck_batch_sales_quantity CHECK (quantity > 0),
    CONSTRAINT ck_batch_sales_unit_price CHECK (unit_price >= 0),
    CONSTRAINT ck_batch_sales_unit_cost CHECK (unit_cost >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
