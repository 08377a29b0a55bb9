-- One schema for SQLite and PostgreSQL; ${id} and ${text} are filled in per engine (DatabaseConfiguration).
-- Money columns hold exact integers: the amount times 10,000. Times are epoch milliseconds (UTC).

CREATE TABLE product (
    sku               ${text} NOT NULL PRIMARY KEY,
    name              ${text} NOT NULL,
    name_key          TEXT    NOT NULL,
    price             BIGINT  NOT NULL CHECK (price >= 0),
    stock             BIGINT  NOT NULL CHECK (stock >= 0),
    reorder_threshold BIGINT  NOT NULL CHECK (reorder_threshold >= 0),
    units_sold        BIGINT  NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
    cost              BIGINT  CHECK (cost >= 0),
    reorder_quantity  BIGINT  CHECK (reorder_quantity > 0),
    lead_time_days    INTEGER CHECK (lead_time_days >= 0),
    supplier          TEXT,
    barcode           TEXT,
    archived          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);
CREATE INDEX product_name_key ON product (name_key);

CREATE TABLE purchase (
    id         ${text} NOT NULL PRIMARY KEY,
    reference  TEXT,
    total      BIGINT NOT NULL,
    actor      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX purchase_created_at ON purchase (created_at);

CREATE TABLE purchase_line (
    purchase_id ${text} NOT NULL REFERENCES purchase (id),
    line_no     INTEGER NOT NULL,
    sku         ${text} NOT NULL REFERENCES product (sku),
    name        TEXT    NOT NULL,
    quantity    BIGINT  NOT NULL CHECK (quantity > 0),
    unit_price  BIGINT  NOT NULL,
    unit_cost   BIGINT,
    line_total  BIGINT  NOT NULL,
    PRIMARY KEY (purchase_id, line_no)
);
CREATE INDEX purchase_line_sku ON purchase_line (sku);

-- The key is unique in the database, so two instances can never both apply the same purchase.
CREATE TABLE idempotency_key (
    idem_key     TEXT   NOT NULL PRIMARY KEY,
    request_hash TEXT   NOT NULL,
    purchase_id  TEXT   NOT NULL,
    response     TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

CREATE TABLE stock_movement (
    id            ${id},
    sku           ${text} NOT NULL REFERENCES product (sku),
    type          TEXT    NOT NULL,
    reason        TEXT,
    delta         BIGINT  NOT NULL,
    balance_after BIGINT  NOT NULL CHECK (balance_after >= 0),
    actor         TEXT    NOT NULL,
    note          TEXT,
    purchase_id   TEXT,
    at            BIGINT  NOT NULL
);
CREATE INDEX stock_movement_sku ON stock_movement (sku, id);
CREATE INDEX stock_movement_at ON stock_movement (at);

CREATE TABLE restock_alert (
    id                ${id},
    sku               ${text} NOT NULL REFERENCES product (sku),
    level             TEXT    NOT NULL CHECK (level IN ('LOW', 'OUT')),
    stock             BIGINT  NOT NULL,
    reorder_threshold BIGINT  NOT NULL,
    raised_at         BIGINT  NOT NULL,
    escalated_at      BIGINT,
    acknowledged_at   BIGINT,
    acknowledged_by   TEXT,
    resolved_at       BIGINT
);
-- At most one open alert per product, whatever any instance believes.
CREATE UNIQUE INDEX restock_alert_one_open ON restock_alert (sku) WHERE resolved_at IS NULL;
CREATE INDEX restock_alert_raised_at ON restock_alert (raised_at);
