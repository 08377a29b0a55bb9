-- Purchasing (package org.stockroom.purchasing writes these tables): suppliers, purchase orders and
-- their lines, and the counter that numbers orders. Money columns hold the amount times 10,000.

CREATE TABLE supplier (
    id             ${id},
    name           ${text} NOT NULL UNIQUE,
    email          TEXT,
    phone          TEXT,
    lead_time_days INTEGER CHECK (lead_time_days >= 0),
    notes          TEXT,
    archived       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);

-- Today's free-text suppliers of products become records, named exactly as the products name them.
INSERT INTO supplier (name, created_at, updated_at)
SELECT supplier, MIN(created_at), MAX(updated_at) FROM product
WHERE supplier IS NOT NULL AND supplier <> ''
GROUP BY supplier;

CREATE TABLE purchase_order (
    id          ${text} NOT NULL PRIMARY KEY,
    number      ${text} NOT NULL UNIQUE,
    supplier_id BIGINT  NOT NULL REFERENCES supplier (id),
    status      TEXT    NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    reference   TEXT,
    expected_on TEXT,
    actor       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    sent_at     BIGINT,
    emailed_to  TEXT,
    emailed_at  BIGINT,
    email_error TEXT
);
CREATE INDEX purchase_order_status ON purchase_order (status, supplier_id);

-- received <= quantity holds in the database too, so no interleaving of receipts can over-receive.
CREATE TABLE purchase_order_line (
    order_id  ${text} NOT NULL REFERENCES purchase_order (id),
    sku       ${text} NOT NULL REFERENCES product (sku),
    quantity  BIGINT  NOT NULL CHECK (quantity > 0),
    received  BIGINT  NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= quantity),
    unit_cost BIGINT  CHECK (unit_cost >= 0),
    PRIMARY KEY (order_id, sku)
);
CREATE INDEX purchase_order_line_sku ON purchase_order_line (sku);

-- One row; an order's number is taken by an atomic upsert in the order's own transaction, so a
-- rolled-back order gives its number back and two orders never share one.
CREATE TABLE purchase_order_counter (
    id          INTEGER NOT NULL PRIMARY KEY,
    last_number BIGINT  NOT NULL
);

-- The ledger keeps what each receipt cost a unit (null: unknown, or not a receipt); written by org.stockroom.stock.
ALTER TABLE stock_movement ADD COLUMN unit_cost BIGINT;
