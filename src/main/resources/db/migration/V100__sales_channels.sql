-- Sales channels (channels/): storefronts whose orders take stock here and whose stock levels follow `available`.
-- Every table below is written by the channels package only.

CREATE TABLE sales_channel (
    id                ${text} NOT NULL PRIMARY KEY,
    type              TEXT    NOT NULL CHECK (type IN ('SHOPIFY', 'WOOCOMMERCE')),
    name              TEXT    NOT NULL,
    -- The shop domain (Shopify) or the site URL (WooCommerce): where Stockroom calls the platform.
    base_url          TEXT    NOT NULL,
    location_id       TEXT,
    -- Every secret (access token, consumer key and secret, webhook secret) as one AES-GCM sealed JSON object.
    secrets           TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('CONNECTED', 'UNAUTHORIZED', 'DISCONNECTED')),
    status_reason     TEXT,
    created_at        BIGINT  NOT NULL,
    -- A sync (catalog read, mapping, push of every mapped SKU) is wanted since this time; a runner
    -- claims it by moving sync_lease_until into the future, so one instance runs it.
    sync_requested_at BIGINT,
    sync_lease_until  BIGINT,
    last_sync_at      BIGINT,
    last_sync_error   TEXT
);

-- Webhook deliveries as received (signature already checked), processed by a background worker.
CREATE TABLE channel_inbox (
    id              ${id},
    channel_id      ${text} NOT NULL REFERENCES sales_channel (id) ON DELETE CASCADE,
    topic           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claim_token     TEXT,
    last_error      TEXT,
    processed_at    BIGINT
);
CREATE INDEX channel_inbox_due ON channel_inbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX channel_inbox_channel ON channel_inbox (channel_id, id);

-- One row per (channel, order): the unique key is what makes a channel order one purchase however
-- often and however concurrently it is delivered.
CREATE TABLE channel_order (
    channel_id   ${text} NOT NULL REFERENCES sales_channel (id) ON DELETE CASCADE,
    order_id     ${text} NOT NULL,
    order_name   TEXT    NOT NULL,
    purchase_id  TEXT,
    status       TEXT    NOT NULL CHECK (status IN ('TAKEN', 'SHORT', 'REFUSED', 'NOTHING_MATCHED', 'CANCELLED')),
    detail       TEXT,
    created_at   BIGINT  NOT NULL,
    cancelled_at BIGINT,
    PRIMARY KEY (channel_id, order_id)
);
CREATE INDEX channel_order_purchase ON channel_order (purchase_id);

CREATE TABLE channel_order_line (
    channel_id ${text} NOT NULL,
    order_id   ${text} NOT NULL,
    line_no    INTEGER NOT NULL,
    sku        TEXT,
    title      TEXT,
    quantity   BIGINT  NOT NULL,
    matched    BOOLEAN NOT NULL,
    PRIMARY KEY (channel_id, order_id, line_no),
    FOREIGN KEY (channel_id, order_id) REFERENCES channel_order (channel_id, order_id) ON DELETE CASCADE
);
CREATE INDEX channel_order_line_unmatched ON channel_order_line (channel_id) WHERE NOT matched;

-- Refunds already put back, so a redelivered refund restocks nothing a second time.
CREATE TABLE channel_refund (
    channel_id ${text} NOT NULL REFERENCES sales_channel (id) ON DELETE CASCADE,
    refund_id  ${text} NOT NULL,
    order_id   TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (channel_id, refund_id)
);

-- A SKU the channel lists, and the state of pushing `available` to it. `version` rises in the
-- transaction of every stock change of the SKU; a sender claims the row (claim_token, lease in
-- next_attempt_at), reads available, sends it, and records `pushed_version` as the version it
-- claimed. A change during the send leaves version > pushed_version, so the row is due again:
-- only the latest value goes out, and nothing older is sent after it.
CREATE TABLE channel_listing (
    channel_id       ${text} NOT NULL REFERENCES sales_channel (id) ON DELETE CASCADE,
    sku              ${text} NOT NULL,
    -- Shopify: the inventory item gid; WooCommerce: the product or variation id.
    remote_id        TEXT    NOT NULL,
    -- WooCommerce: the parent product of a variation.
    remote_parent_id TEXT,
    remote_quantity  BIGINT,
    version          BIGINT  NOT NULL DEFAULT 1,
    pushed_version   BIGINT  NOT NULL DEFAULT 0,
    pushed_quantity  BIGINT,
    pushed_at        BIGINT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    claim_token      TEXT,
    last_error       TEXT,
    PRIMARY KEY (channel_id, sku)
);
CREATE INDEX channel_listing_sku ON channel_listing (sku);
CREATE INDEX channel_listing_due ON channel_listing (next_attempt_at);

CREATE TABLE channel_sync_log (
    id              ${id},
    channel_id      ${text} NOT NULL REFERENCES sales_channel (id) ON DELETE CASCADE,
    at              BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    sku             TEXT,
    channel_quantity BIGINT,
    available       BIGINT,
    detail          TEXT
);
CREATE INDEX channel_sync_log_channel ON channel_sync_log (channel_id, id);
