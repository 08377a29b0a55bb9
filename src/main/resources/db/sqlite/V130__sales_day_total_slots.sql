-- Same shape as on PostgreSQL (db/postgresql V130): a day's total may be split over slots, which
-- readers add together. SQLite has one writer at a time, so Stockroom writes slot 0 only here.
-- SQLite cannot change a primary key in place: the table is rebuilt, with its exactness triggers (V63).
CREATE TABLE sales_day_total_slots (
    day                INTEGER NOT NULL,
    slot               INTEGER NOT NULL DEFAULT 0,
    purchases          BIGINT  NOT NULL,
    units              BIGINT  NOT NULL,
    revenue            BIGINT  NOT NULL,
    cost               BIGINT  NOT NULL,
    unknown_cost_units BIGINT  NOT NULL,
    PRIMARY KEY (day, slot)
);
INSERT INTO sales_day_total_slots (day, slot, purchases, units, revenue, cost, unknown_cost_units)
SELECT day, 0, purchases, units, revenue, cost, unknown_cost_units FROM sales_day_total;
DROP TABLE sales_day_total;
ALTER TABLE sales_day_total_slots RENAME TO sales_day_total;

CREATE TRIGGER sales_day_total_exact_insert BEFORE INSERT ON sales_day_total
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_day_total_exact_update BEFORE UPDATE ON sales_day_total
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;
