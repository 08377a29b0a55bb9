-- The stock ledger: stocktakes, returns, opening balances (see the README's "Stock ledger" section).

-- The stock delta of the product's latest change. A stocktake sets stock to the counted quantity and
-- learns the delta from this column, computed from the old stock by the same UPDATE: no read in Java.
ALTER TABLE product ADD COLUMN last_stock_delta BIGINT NOT NULL DEFAULT 0;

-- Units of the line returned so far. The check is what makes an over-return impossible, whatever
-- two concurrent returns of the same line believe.
ALTER TABLE purchase_line ADD COLUMN returned_quantity BIGINT NOT NULL DEFAULT 0
    CHECK (returned_quantity >= 0 AND returned_quantity <= quantity);

CREATE TABLE purchase_return (
    id          ${text} NOT NULL PRIMARY KEY,
    purchase_id ${text} NOT NULL REFERENCES purchase (id),
    note        TEXT,
    total       BIGINT  NOT NULL,
    actor       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX purchase_return_purchase ON purchase_return (purchase_id);
CREATE INDEX purchase_return_created_at ON purchase_return (created_at);

-- Prices are those of the purchase line, so a return takes back exactly the revenue the sale brought.
CREATE TABLE purchase_return_line (
    return_id  ${text} NOT NULL REFERENCES purchase_return (id),
    sku        ${text} NOT NULL REFERENCES product (sku),
    name       TEXT    NOT NULL,
    quantity   BIGINT  NOT NULL CHECK (quantity > 0),
    unit_price BIGINT  NOT NULL,
    unit_cost  BIGINT,
    line_total BIGINT  NOT NULL,
    PRIMARY KEY (return_id, sku)
);
CREATE INDEX purchase_return_line_sku ON purchase_return_line (sku);

-- Products created before the ledger recorded opening stock: their missing opening balance becomes
-- one COUNT movement, appended last, so stock equals the sum of the movements from here on.
INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, purchase_id, at)
SELECT p.sku, 'ADJUSTMENT', 'COUNT', p.stock - COALESCE(m.total, 0), p.stock, 'system',
       'opening stock, recorded when the ledger began recording it', NULL, COALESCE(m.latest, p.created_at)
FROM product p
LEFT JOIN (SELECT sku, SUM(delta) AS total, MAX(at) AS latest FROM stock_movement GROUP BY sku) m ON m.sku = p.sku
WHERE p.stock - COALESCE(m.total, 0) > 0;
