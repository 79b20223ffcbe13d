-- Reservations keyed by their holder (issue: reservations had no owner). A holder is what a reservation is for,
-- named as a reference type + id (ORDER_LINE 42, MANUAL 7): only that holder can consume or release what it holds.
-- batches.reserved_qty stays as the batch's total (availability is read from the batch row under its lock) and is
-- always the sum of these rows: both are written in the same transaction, under the batch row lock, by StockKeeper.
-- A row whose quantity drops to zero is deleted in the same transaction, so a holder appears here only while it
-- holds something (the CHECK allows the zero the UPDATE leaves just before that DELETE).
CREATE TABLE stock_reservations (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    batch_id    BIGINT        NOT NULL,
    holder_type VARCHAR(50)   NOT NULL,
    holder_id   BIGINT        NOT NULL,
    quantity    DECIMAL(15,4) NOT NULL,
    reserved_by BIGINT        NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at  TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_stock_reservations_holder (batch_id, holder_type, holder_id),
    KEY idx_stock_reservations_by_holder (holder_type, holder_id),
    CONSTRAINT fk_stock_reservations_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT ck_stock_reservations_quantity CHECK (quantity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stock reserved before holders existed belongs to no one we know: one LEGACY row per batch (holder id = batch id)
-- keeps the sum equal to reserved_qty; an operator releases it by hand (holder LEGACY, the batch's id).
INSERT INTO stock_reservations (batch_id, holder_type, holder_id, quantity, reserved_by)
SELECT id, 'LEGACY', id, reserved_qty, 0 FROM batches WHERE reserved_qty > 0;
