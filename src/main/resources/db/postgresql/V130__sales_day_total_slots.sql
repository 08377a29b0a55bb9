-- The store's day total was one row per day that every batch of purchases updated: a row lock that
-- concurrent writers queued on until each other's commit. Each day now has up to 16 rows (slots),
-- written by different threads; readers add the slots of a day together.
ALTER TABLE sales_day_total ADD COLUMN slot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sales_day_total DROP CONSTRAINT sales_day_total_pkey;
ALTER TABLE sales_day_total ADD PRIMARY KEY (day, slot);
