-- One rounding policy (issue 8, item 7): unit costs have scale 4, as TERP kept them (vendors price small units in
-- fractions of a cent). A line's total_cost stays an amount (scale 2): received_qty × unit_cost rounded once, HALF_UP.
-- Widening keeps every stored value.
ALTER TABLE intake_session_lines MODIFY COLUMN unit_cost DECIMAL(15,4) NOT NULL;
