-- A night shift runs past midnight: a shift whose end is not after its start ends on the next day (22:00–06:00).
-- Only a shift that ends when it starts is refused. (PostgreSQL named V7's column check after its column.)
ALTER TABLE duty_shift DROP CONSTRAINT IF EXISTS duty_shift_ends_check;
ALTER TABLE duty_shift DROP CONSTRAINT IF EXISTS duty_shift_check;
ALTER TABLE duty_shift ADD CONSTRAINT duty_shift_not_empty CHECK (ends <> starts);
