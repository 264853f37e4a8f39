-- The unit a shift serves: a province, a (former) district or a commune of the region, by its code; null for the whole
-- region (every shift before this change). A unit's wall shows the shifts of its unit, of the units above it and of
-- those below it, and a commune's CRITICAL alert goes by SMS to the officers of the units that hold the commune.
ALTER TABLE duty_shift ADD COLUMN unit_code text;
