-- Reservations hold units of products for unpaid orders and carts (shared/API.md, "Reservations").
-- A hold counts in product.reserved while its reservation is ACTIVE; every change of status is a
-- conditional update from ACTIVE, so commit, release and expiry racing each other have one winner.
CREATE TABLE reservation (
    id           ${text} NOT NULL PRIMARY KEY,
    reference    TEXT,
    status       TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    ended_at     BIGINT,
    purchase_id  TEXT,
    idem_key     TEXT UNIQUE,
    request_hash TEXT
);
-- The sweeper's question: which active holds are due.
CREATE INDEX reservation_status_expires ON reservation (status, expires_at);

CREATE TABLE reservation_line (
    reservation_id ${text} NOT NULL REFERENCES reservation (id),
    line_no        INTEGER NOT NULL,
    sku            ${text} NOT NULL REFERENCES product (sku),
    quantity       BIGINT  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, line_no)
);
CREATE INDEX reservation_line_sku ON reservation_line (sku);
