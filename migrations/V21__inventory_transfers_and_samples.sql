-- Transfers between locations record one movement per side. Those rows carry the location whose quantity they
-- describe (quantity_before/after are that location's, not the batch's on-hand); rows without a location keep
-- describing the batch's bucket totals. Sample moves need no schema change: SAMPLE is already a bucket and a type.
ALTER TABLE inventory_movements
    ADD COLUMN location_id BIGINT NULL AFTER bucket,
    ADD KEY idx_inventory_movements_location (location_id, id),
    ADD CONSTRAINT fk_inventory_movements_location FOREIGN KEY (location_id) REFERENCES locations (id);
