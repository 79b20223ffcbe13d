-- Location capacity: how many units (summed over every batch placed there, in each product's unit of measure) a
-- location may hold. NULL means unlimited, which is every location TERP knew. Capacity limits what can be ADDED
-- (intake, transfers in, on-hand increases placed there); lowering it below the current contents is allowed, so a
-- shelf can be marked smaller without moving stock first, and it then accepts nothing more until it drains.
ALTER TABLE locations
    ADD COLUMN capacity DECIMAL(15,4) NULL AFTER bin,
    ADD CONSTRAINT ck_locations_capacity CHECK (capacity IS NULL OR capacity > 0);
