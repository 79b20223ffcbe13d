-- SLOW_MOVING alerts (domain §4.17): a batch with stock, in stock for N days and without a SALE movement for N days.
-- threshold/current_value hold days, as for EXPIRING.
-- DROP CONSTRAINT is the one spelling both MySQL (>= 8.0.19; DROP CHECK is MySQL-only) and MariaDB accept. Two
-- statements, so neither server has to drop and re-create the same constraint name within one ALTER.
ALTER TABLE inventory_alerts DROP CONSTRAINT ck_inventory_alerts_type;

ALTER TABLE inventory_alerts ADD CONSTRAINT ck_inventory_alerts_type
    CHECK (alert_type IN ('LOW_STOCK', 'OVERSTOCK', 'EXPIRING', 'SLOW_MOVING'));

-- The generate run asks for the latest SALE of every alertable batch in one grouped query; with this index each
-- batch's answer is one index dive instead of a scan of its whole movement history.
CREATE INDEX idx_inventory_movements_batch_type_created ON inventory_movements (batch_id, movement_type, created_at);
