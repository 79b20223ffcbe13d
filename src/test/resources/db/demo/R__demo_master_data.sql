-- Demo master data for the local run (profile "local"); loaded after the migrations in migrations/.
-- Flyway re-runs this repeatable script whenever it changes, so every statement is INSERT IGNORE keyed on the
-- table's unique columns: a rerun adds what is missing and leaves existing rows (and edits made through the API)
-- alone. References are resolved by name with joins, so a missing parent skips the row instead of inserting a
-- dangling one. Product names are already in canonical form (see ProductNames): Title Case, no punctuation.

INSERT IGNORE INTO vendors (name, contact_name, contact_email, contact_phone, notes) VALUES
    ('Emerald Valley Farms', 'Maria Lopez', 'maria@emeraldvalley.example', '707-555-0101', 'Indoor flower, weekly drops'),
    ('Humboldt Heritage Growers', 'Sam Whitaker', 'sam@humboldtheritage.example', '707-555-0144', 'Sun-grown, harvest in October'),
    ('Sierra Sun Cultivation', 'Dana Cho', 'dana@sierrasun.example', '530-555-0178', 'Pre-rolls and smalls'),
    ('Coastal Extracts Co', 'Priya Natarajan', 'orders@coastalextracts.example', '831-555-0122', 'Live resin and vape hardware'),
    ('Golden State Edibles', 'Jordan Reyes', 'jordan@goldenstateedibles.example', '916-555-0190', 'Net 30 terms');

INSERT IGNORE INTO brands (name, vendor_id, description)
SELECT b.name, v.id, b.description
FROM (SELECT 'Emerald Reserve' AS name, 'Emerald Valley Farms' AS vendor, 'Top-shelf indoor flower' AS description
      UNION ALL SELECT 'Heritage Cuts', 'Humboldt Heritage Growers', 'Legacy Humboldt genetics'
      UNION ALL SELECT 'Sierra Sun', 'Sierra Sun Cultivation', 'Sun-grown pre-rolls'
      UNION ALL SELECT 'Coastal Clear', 'Coastal Extracts Co', 'Solventless and live resin concentrates'
      UNION ALL SELECT 'Cloud Nine Vapor', 'Coastal Extracts Co', 'Cartridges and disposables'
      UNION ALL SELECT 'Golden Bites', 'Golden State Edibles', 'Fruit gummies and chocolates') AS b
JOIN vendors v ON v.name = b.vendor;

INSERT IGNORE INTO strains (name, standardized_name, aliases, category, description) VALUES
    ('Blue Dream', 'blue dream', '["Azure Haze"]', 'HYBRID', 'Blueberry x Haze'),
    ('Gorilla Glue #4', 'gorilla glue #4', '["GG4","Original Glue"]', 'HYBRID', 'Chem''s Sister x Sour Dubb x Chocolate Diesel'),
    ('Sour Diesel', 'sour diesel', '["Sour D","East Coast Sour Diesel"]', 'SATIVA', 'Pungent, fuel-forward sativa'),
    ('Granddaddy Purple', 'granddaddy purple', '["GDP"]', 'INDICA', 'Purple Urkle x Big Bud'),
    ('Northern Lights', 'northern lights', NULL, 'INDICA', 'Classic Afghan indica'),
    ('Jack Herer', 'jack herer', NULL, 'SATIVA', 'Haze x Northern Lights #5 x Shiva Skunk'),
    ('OG Kush', 'og kush', NULL, 'HYBRID', 'West coast staple'),
    ('Durban Poison', 'durban poison', NULL, 'SATIVA', 'South African landrace');

INSERT IGNORE INTO categories (name, description) VALUES
    ('Flower', 'Dried, cured cannabis flower'),
    ('Pre-Rolls', 'Ready-to-smoke joints'),
    ('Concentrates', 'Extracts: resin, rosin, shatter, badder'),
    ('Edibles', 'Infused food and drink'),
    ('Vapes', 'Cartridges, pods and disposables');

INSERT IGNORE INTO subcategories (category_id, name)
SELECT c.id, s.name
FROM (SELECT 'Flower' AS category, 'Indoor' AS name
      UNION ALL SELECT 'Flower', 'Outdoor'
      UNION ALL SELECT 'Flower', 'Greenhouse'
      UNION ALL SELECT 'Flower', 'Smalls'
      UNION ALL SELECT 'Pre-Rolls', 'Singles'
      UNION ALL SELECT 'Pre-Rolls', 'Multi-Packs'
      UNION ALL SELECT 'Pre-Rolls', 'Infused'
      UNION ALL SELECT 'Concentrates', 'Live Resin'
      UNION ALL SELECT 'Concentrates', 'Rosin'
      UNION ALL SELECT 'Concentrates', 'Shatter'
      UNION ALL SELECT 'Edibles', 'Gummies'
      UNION ALL SELECT 'Edibles', 'Chocolates'
      UNION ALL SELECT 'Edibles', 'Beverages'
      UNION ALL SELECT 'Vapes', 'Cartridges'
      UNION ALL SELECT 'Vapes', 'Disposables') AS s
JOIN categories c ON c.name = s.category;

INSERT IGNORE INTO products (brand_id, strain_id, name_canonical, category_id, subcategory_id, uom_sellable, description)
SELECT b.id, st.id, p.name, c.id, sc.id, p.uom, p.description
FROM (SELECT 'Emerald Reserve' AS brand, 'blue dream' AS strain, 'Blue Dream Indoor Flower' AS name,
             'Flower' AS category, 'Indoor' AS subcategory, 'LB' AS uom, 'Bulk indoor flower' AS description
      UNION ALL SELECT 'Emerald Reserve', 'granddaddy purple', 'Granddaddy Purple Indoor Flower', 'Flower', 'Indoor', 'LB', 'Bulk indoor flower'
      UNION ALL SELECT 'Heritage Cuts', 'sour diesel', 'Sour Diesel Outdoor Flower', 'Flower', 'Outdoor', 'LB', 'Sun-grown, Humboldt County'
      UNION ALL SELECT 'Heritage Cuts', 'northern lights', 'Northern Lights Smalls', 'Flower', 'Smalls', 'LB', 'Small buds, same quality'
      UNION ALL SELECT 'Sierra Sun', 'jack herer', 'Jack Herer Preroll 1g', 'Pre-Rolls', 'Singles', 'EA', NULL
      UNION ALL SELECT 'Sierra Sun', 'durban poison', 'Durban Poison Preroll 5 Pack', 'Pre-Rolls', 'Multi-Packs', 'EA', 'Five 0.5 g joints'
      UNION ALL SELECT 'Coastal Clear', 'gorilla glue #4', 'Gorilla Glue 4 Live Resin 1g', 'Concentrates', 'Live Resin', 'EA', NULL
      UNION ALL SELECT 'Coastal Clear', 'og kush', 'Og Kush Shatter 1g', 'Concentrates', 'Shatter', 'EA', NULL
      UNION ALL SELECT 'Golden Bites', NULL, 'Watermelon Gummies 100mg', 'Edibles', 'Gummies', 'EA', '10 pieces of 10 mg'
      UNION ALL SELECT 'Cloud Nine Vapor', 'blue dream', 'Blue Dream Cartridge 1g', 'Vapes', 'Cartridges', 'EA', '510 thread') AS p
JOIN brands b ON b.name = p.brand
JOIN categories c ON c.name = p.category
JOIN subcategories sc ON sc.category_id = c.id AND sc.name = p.subcategory
LEFT JOIN strains st ON st.standardized_name = p.strain;

INSERT IGNORE INTO grades (name, description, sort_order) VALUES
    ('AAA', 'Top shelf: dense, well-trimmed, strong terpenes', 0),
    ('AA', 'Premium: minor cosmetic flaws', 1),
    ('A', 'Mid grade', 2),
    ('B', 'Budget: smalls, larf, trim-heavy', 3);

-- Absent address parts are '' (see V2__master_data.sql); the API shows them as null.
INSERT IGNORE INTO locations (site, zone, rack, shelf, bin) VALUES
    ('Oakland Warehouse', '', '', '', ''),
    ('Oakland Warehouse', 'Vault', 'R1', 'S1', ''),
    ('Oakland Warehouse', 'Vault', 'R1', 'S2', ''),
    ('Oakland Warehouse', 'Vault', 'R2', 'S1', ''),
    ('Oakland Warehouse', 'Cold Room', 'R1', '', ''),
    ('Oakland Warehouse', 'Quarantine', '', '', ''),
    ('Sacramento Hub', 'Receiving', '', '', ''),
    ('Sacramento Hub', 'Main', 'A', '1', ''),
    ('Sacramento Hub', 'Main', 'A', '2', ''),
    ('Sacramento Hub', 'Main', 'B', '1', '');

-- The same ten defaults, names and order as POST /api/v1/payment-methods/seed-defaults (DefaultPaymentMethods).
INSERT IGNORE INTO payment_methods (code, name, description, sort_order) VALUES
    ('CASH', 'Cash', 'Cash payment', 0),
    ('CHECK', 'Check', 'Paper check', 1),
    ('CREDIT_CARD', 'Credit Card', 'Credit card payment', 2),
    ('DEBIT_CARD', 'Debit Card', 'Debit card payment', 3),
    ('ACH', 'ACH Transfer', 'Automated Clearing House bank transfer', 4),
    ('WIRE', 'Wire Transfer', 'Bank wire transfer', 5),
    ('PAYPAL', 'PayPal', 'PayPal payment', 6),
    ('VENMO', 'Venmo', 'Venmo payment', 7),
    ('ZELLE', 'Zelle', 'Zelle bank transfer', 8),
    ('OTHER', 'Other', 'Any other payment method', 9);
