-- Backorders (shared/API.md, "Sales channels"): units a purchase owes because stock could not cover
-- them when the order was taken elsewhere. product.backordered is the sum of quantity - filled over
-- OPEN rows, kept by the stock package's conditional statements in the same transactions. Receipts
-- fill OPEN rows oldest first (created_at, then id); a cancelled row owes nothing any more.
CREATE TABLE backorder (
    id           ${id},
    sku          ${text} NOT NULL REFERENCES product (sku),
    -- No foreign key: the backorder is written by the take, before its purchase row (as stock_movement).
    purchase_id  ${text} NOT NULL,
    channel      TEXT,
    quantity     BIGINT  NOT NULL CHECK (quantity > 0),
    filled       BIGINT  NOT NULL DEFAULT 0 CHECK (filled >= 0 AND filled <= quantity),
    status       TEXT    NOT NULL CHECK (status IN ('OPEN', 'FILLED', 'CANCELLED')),
    created_at   BIGINT  NOT NULL,
    filled_at    BIGINT,
    cancelled_at BIGINT,
    CHECK (status <> 'FILLED' OR filled = quantity)
);
-- A receipt's question: the open backorders of one SKU, oldest first.
CREATE INDEX backorder_sku_status ON backorder (sku, status, created_at, id);
CREATE INDEX backorder_purchase ON backorder (purchase_id);
CREATE INDEX backorder_status_created ON backorder (status, created_at);
