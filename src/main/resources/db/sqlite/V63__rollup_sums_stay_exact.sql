-- SQLite turns an integer sum past 64 bits into an inexact float instead of failing; these refuse it, so a
-- stored amount stays exact or the change is refused (SalesRollup answers 422 amount-too-large). PostgreSQL
-- refuses such a sum by itself (22003).

CREATE TRIGGER sales_daily_exact_insert BEFORE INSERT ON sales_daily
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_daily_exact_update BEFORE UPDATE ON sales_daily
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_monthly_exact_insert BEFORE INSERT ON sales_monthly
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_monthly_exact_update BEFORE UPDATE ON sales_monthly
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_total_exact_insert BEFORE INSERT ON sales_total
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

CREATE TRIGGER sales_total_exact_update BEFORE UPDATE ON sales_total
WHEN typeof(NEW.units) <> 'integer' OR typeof(NEW.revenue) <> 'integer' OR typeof(NEW.cost) <> 'integer'
    OR typeof(NEW.unknown_cost_units) <> 'integer'
BEGIN
    SELECT RAISE(ABORT, 'amount-out-of-range');
END;

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
