-- Sales rollups, maintained in the transaction of each sale and return (reports.SalesRollup).
-- day is the epoch day of the store's calendar date (stockroom.timezone); month is year * 12 + month - 1.
-- Amounts are net of returns. cost sums the known unit costs; unknown_cost_units counts the units
-- sold without a known cost, so a report can say "unknown" instead of inventing a cost.
-- The rows are filled (backfilled from existing purchases, and rebuilt when the store's time zone
-- changes) at startup by SalesRollup, because day boundaries depend on the configured zone.

CREATE TABLE sales_daily (
    day                INTEGER NOT NULL,
    sku                ${text} NOT NULL,
    units              BIGINT  NOT NULL,
    revenue            BIGINT  NOT NULL,
    cost               BIGINT  NOT NULL,
    unknown_cost_units BIGINT  NOT NULL,
    PRIMARY KEY (day, sku)
);
CREATE INDEX sales_daily_sku ON sales_daily (sku, day);

CREATE TABLE sales_monthly (
    month              INTEGER NOT NULL,
    sku                ${text} NOT NULL,
    units              BIGINT  NOT NULL,
    revenue            BIGINT  NOT NULL,
    cost               BIGINT  NOT NULL,
    unknown_cost_units BIGINT  NOT NULL,
    PRIMARY KEY (month, sku)
);

-- All time per product, with the last day the product sold (returns do not move it).
CREATE TABLE sales_total (
    sku                ${text} NOT NULL PRIMARY KEY,
    units              BIGINT  NOT NULL,
    revenue            BIGINT  NOT NULL,
    cost               BIGINT  NOT NULL,
    unknown_cost_units BIGINT  NOT NULL,
    last_sale_day      INTEGER
);

-- Per day for the whole store: purchases counted once each, whatever their number of lines.
CREATE TABLE sales_day_total (
    day                INTEGER NOT NULL PRIMARY KEY,
    purchases          BIGINT  NOT NULL,
    units              BIGINT  NOT NULL,
    revenue            BIGINT  NOT NULL,
    cost               BIGINT  NOT NULL,
    unknown_cost_units BIGINT  NOT NULL
);

-- The time zone the rollups were built with; a different configured zone rebuilds them at startup.
CREATE TABLE sales_rollup_state (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    zone     TEXT    NOT NULL,
    built_at BIGINT  NOT NULL
);

-- Scratch space of a rebuild: each calendar day's bounds in epoch millis; empty between rebuilds.
CREATE TABLE sales_rollup_calendar (
    day       INTEGER NOT NULL PRIMARY KEY,
    month     INTEGER NOT NULL,
    starts_at BIGINT  NOT NULL,
    ends_at   BIGINT  NOT NULL
);
