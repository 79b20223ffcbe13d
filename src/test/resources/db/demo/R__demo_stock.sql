-- Demo stock for the local run (profile "local"), loaded after R__demo_master_data.sql (Flyway orders repeatable
-- scripts by description). Same rules as that script: keyed on unique columns (lot and batch codes) so a rerun adds
-- only what is missing, and parents are joined by name. Batches cover every lifecycle status, both COGS modes, the
-- buckets (reserved, quarantine, hold, samples), expiry (one past, one close), a slow seller (received 120 days ago,
-- never sold) and several locations. Each batch is dated like its lot, its location rows add up to its on-hand, and
-- it has the INTAKE movement it was received with. Dates are relative to the day the script loads. performed_by 0
-- marks rows written by this loader, not by a user.

INSERT IGNORE INTO lots (code, vendor_id, received_on, notes)
SELECT l.code, v.id, DATE_SUB(CURRENT_DATE, INTERVAL l.age_days DAY), l.notes
FROM (SELECT 'LOT-DEMO-0001' AS code, 'Emerald Valley Farms' AS vendor, 3 AS age_days, 'Weekly indoor drop' AS notes
      UNION ALL SELECT 'LOT-DEMO-0002', 'Humboldt Heritage Growers', 120, 'Summer harvest, slow seller'
      UNION ALL SELECT 'LOT-DEMO-0003', 'Sierra Sun Cultivation', 12, NULL
      UNION ALL SELECT 'LOT-DEMO-0004', 'Coastal Extracts Co', 120, 'Consignment'
      UNION ALL SELECT 'LOT-DEMO-0005', 'Golden State Edibles', 25, NULL) AS l
JOIN vendors v ON v.name = l.vendor;

INSERT IGNORE INTO batches (code, sku, product_id, lot_id, status, grade_id, cogs_mode, unit_cogs, unit_cogs_min,
                            unit_cogs_max, payment_terms, on_hand_qty, reserved_qty, quarantine_qty, hold_qty,
                            sample_qty, expiration_date, is_sample, sample_available, created_at)
SELECT b.code, b.sku, p.id, l.id, b.status, g.id, b.cogs_mode, b.unit_cogs, b.unit_cogs_min, b.unit_cogs_max,
       b.terms, b.on_hand, b.reserved, b.quarantine, b.hold, b.sample,
       CASE WHEN b.expires_in_days IS NULL THEN NULL ELSE DATE_ADD(CURRENT_DATE, INTERVAL b.expires_in_days DAY) END,
       b.sample > 0, b.sample > 0, TIMESTAMP(l.received_on)
FROM (SELECT 'BCH-DEMO-0001' AS code, 'EMER-BLUE-DEMO-0001' AS sku, 'Emerald Reserve' AS brand,
             'Blue Dream Indoor Flower' AS product, 'LOT-DEMO-0001' AS lot, 'LIVE' AS status, 'AAA' AS grade,
             'FIXED' AS cogs_mode, 1450.00 AS unit_cogs, NULL AS unit_cogs_min, NULL AS unit_cogs_max,
             'NET_30' AS terms, 42.5000 AS on_hand, 10.0000 AS reserved, 0.0000 AS quarantine, 0.0000 AS hold,
             0.5000 AS sample, NULL AS expires_in_days
      UNION ALL SELECT 'BCH-DEMO-0002', 'EMER-GRAN-DEMO-0002', 'Emerald Reserve', 'Granddaddy Purple Indoor Flower',
             'LOT-DEMO-0001', 'PHOTOGRAPHY_COMPLETE', 'AA', 'RANGE', NULL, 1100.00, 1300.00, 'NET_15', 18.0000,
             0.0000, 0.0000, 0.0000, 0.0000, NULL
      UNION ALL SELECT 'BCH-DEMO-0003', 'HERI-SOUR-DEMO-0003', 'Heritage Cuts', 'Sour Diesel Outdoor Flower',
             'LOT-DEMO-0002', 'LIVE', 'A', 'RANGE', NULL, 650.00, 800.00, 'CONSIGNMENT', 160.0000, 0.0000, 0.0000,
             0.0000, 0.0000, NULL
      UNION ALL SELECT 'BCH-DEMO-0004', 'HERI-NORT-DEMO-0004', 'Heritage Cuts', 'Northern Lights Smalls',
             'LOT-DEMO-0002', 'ON_HOLD', 'B', 'FIXED', 400.00, NULL, NULL, 'COD', 25.0000, 0.0000, 0.0000, 25.0000,
             0.0000, NULL
      UNION ALL SELECT 'BCH-DEMO-0005', 'SIER-JACK-DEMO-0005', 'Sierra Sun', 'Jack Herer Preroll 1g', 'LOT-DEMO-0003',
             'LIVE', NULL, 'FIXED', 3.25, NULL, NULL, 'NET_7', 6.0000, 0.0000, 0.0000, 0.0000, 0.0000, 120
      UNION ALL SELECT 'BCH-DEMO-0006', 'SIER-DURB-DEMO-0006', 'Sierra Sun', 'Durban Poison Preroll 5 Pack',
             'LOT-DEMO-0003', 'AWAITING_INTAKE', NULL, 'FIXED', 9.50, NULL, NULL, 'NET_7', 200.0000, 0.0000,
             0.0000, 0.0000, 0.0000, 180
      UNION ALL SELECT 'BCH-DEMO-0007', 'COAS-GORI-DEMO-0007', 'Coastal Clear', 'Gorilla Glue 4 Live Resin 1g',
             'LOT-DEMO-0004', 'QUARANTINED', NULL, 'FIXED', 11.00, NULL, NULL, 'CONSIGNMENT', 80.0000, 0.0000,
             80.0000, 0.0000, 0.0000, 200
      UNION ALL SELECT 'BCH-DEMO-0008', 'COAS-OGKU-DEMO-0008', 'Coastal Clear', 'Og Kush Shatter 1g', 'LOT-DEMO-0004',
             'SOLD_OUT', NULL, 'FIXED', 8.00, NULL, NULL, 'CONSIGNMENT', 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, NULL
      UNION ALL SELECT 'BCH-DEMO-0009', 'GOLD-WATE-DEMO-0009', 'Golden Bites', 'Watermelon Gummies 100mg',
             'LOT-DEMO-0005', 'LIVE', NULL, 'FIXED', 4.10, NULL, NULL, 'NET_30', 300.0000, 24.0000, 0.0000, 0.0000,
             2.0000, 10
      UNION ALL SELECT 'BCH-DEMO-0010', 'GOLD-WATE-DEMO-0010', 'Golden Bites', 'Watermelon Gummies 100mg',
             'LOT-DEMO-0005', 'LIVE', NULL, 'FIXED', 4.10, NULL, NULL, 'NET_30', 12.0000, 0.0000, 0.0000, 0.0000,
             0.0000, -2
      UNION ALL SELECT 'BCH-DEMO-0011', 'CLOU-BLUE-DEMO-0011', 'Cloud Nine Vapor', 'Blue Dream Cartridge 1g',
             'LOT-DEMO-0004', 'CLOSED', NULL, 'FIXED', 14.00, NULL, NULL, 'NET_15', 0.0000, 0.0000, 0.0000, 0.0000,
             0.0000, NULL) AS b
JOIN brands br ON br.name = b.brand
JOIN products p ON p.brand_id = br.id AND p.name_canonical = b.product
JOIN lots l ON l.code = b.lot
LEFT JOIN grades g ON g.name = b.grade;

-- Where the stock sits: one or two locations per batch, summing to on-hand. Sold-out and closed batches hold nothing.
INSERT IGNORE INTO batch_locations (batch_id, location_id, qty)
SELECT b.id, loc.id, s.qty
FROM (SELECT 'BCH-DEMO-0001' AS code, 'Oakland Warehouse' AS site, 'Vault' AS zone, 'R1' AS rack, 'S1' AS shelf,
             30.0000 AS qty
      UNION ALL SELECT 'BCH-DEMO-0001', 'Oakland Warehouse', 'Vault', 'R1', 'S2', 12.5000
      UNION ALL SELECT 'BCH-DEMO-0002', 'Oakland Warehouse', 'Vault', 'R2', 'S1', 18.0000
      UNION ALL SELECT 'BCH-DEMO-0003', 'Sacramento Hub', 'Main', 'A', '1', 100.0000
      UNION ALL SELECT 'BCH-DEMO-0003', 'Sacramento Hub', 'Main', 'A', '2', 60.0000
      UNION ALL SELECT 'BCH-DEMO-0004', 'Oakland Warehouse', '', '', '', 25.0000
      UNION ALL SELECT 'BCH-DEMO-0005', 'Sacramento Hub', 'Main', 'B', '1', 6.0000
      UNION ALL SELECT 'BCH-DEMO-0006', 'Sacramento Hub', 'Receiving', '', '', 200.0000
      UNION ALL SELECT 'BCH-DEMO-0007', 'Oakland Warehouse', 'Quarantine', '', '', 80.0000
      UNION ALL SELECT 'BCH-DEMO-0009', 'Oakland Warehouse', 'Cold Room', 'R1', '', 300.0000
      UNION ALL SELECT 'BCH-DEMO-0010', 'Oakland Warehouse', 'Cold Room', 'R1', '', 12.0000) AS s
JOIN batches b ON b.code = s.code
JOIN locations loc ON loc.site = s.site AND loc.zone = s.zone AND loc.rack = s.rack AND loc.shelf = s.shelf
    AND loc.bin = '';

-- The cold room is small: it shows capacity at work (312 of 500 units used by the demo gummies).
UPDATE locations SET capacity = 500
WHERE site = 'Oakland Warehouse' AND zone = 'Cold Room' AND rack = 'R1' AND shelf = '' AND bin = ''
  AND capacity IS NULL;

-- Each batch's INTAKE movement for its current on-hand: the demo starts from today's buckets, not from a replayed
-- history. Movements have no natural key, hence NOT EXISTS instead of INSERT IGNORE.
INSERT INTO inventory_movements (batch_id, movement_type, bucket, quantity_change, quantity_before, quantity_after,
                                 reference_type, reason, performed_by, created_at)
SELECT b.id, 'INTAKE', 'ON_HAND', b.on_hand_qty, 0, b.on_hand_qty, 'DEMO', 'Demo stock', 0, b.created_at
FROM batches b
WHERE b.code LIKE 'BCH-DEMO-%' AND b.on_hand_qty > 0
  AND NOT EXISTS (SELECT 1 FROM inventory_movements m WHERE m.batch_id = b.id AND m.movement_type = 'INTAKE');

-- Who holds the reserved demo stock: reservedQty is the sum of its holders' rows, so each demo batch with reserved
-- units gets one reservation by hand (MANUAL 1) for all of them. Keyed on the holder (INSERT IGNORE); a batch that
-- already has holders (its LEGACY row from before reservations had holders, or reservations made since) is left
-- alone, so the sum never counts the reserved units twice.
INSERT IGNORE INTO stock_reservations (batch_id, holder_type, holder_id, quantity, reserved_by)
SELECT b.id, 'MANUAL', 1, b.reserved_qty, 0
FROM batches b
WHERE b.code LIKE 'BCH-DEMO-%' AND b.reserved_qty > 0
  AND NOT EXISTS (SELECT 1 FROM stock_reservations r WHERE r.batch_id = b.id);
