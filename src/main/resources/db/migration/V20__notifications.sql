-- Restock notifications: webhook endpoints and the transactional outbox that delivers to them and by email.

CREATE TABLE webhook_endpoint (
    id              ${text} NOT NULL PRIMARY KEY,
    url             TEXT    NOT NULL,
    -- The subscribed event types between commas (",alert.raised,stock.received,"), so one
    -- INSERT ... SELECT with LIKE finds every subscriber of an event.
    events          TEXT    NOT NULL,
    description     TEXT,
    -- The signing secret must be readable to sign with, so it is stored as issued (whsec_...).
    secret          TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    disabled_at     BIGINT,
    disabled_reason TEXT
);

CREATE TABLE notification_outbox (
    id              ${id},
    -- The notification's stable id (webhook-id): the same on every attempt, so receivers drop duplicates.
    message_id      TEXT    NOT NULL,
    channel         TEXT    NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    endpoint_id     ${text} REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_type      TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- When the row may next be tried. A dispatcher claims a row by moving this past its lease and
    -- setting claim_token; if it dies, the row falls due again when the lease runs out.
    next_attempt_at BIGINT  NOT NULL,
    claim_token     TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    delivered_at    BIGINT,
    CHECK ((channel = 'WEBHOOK') = (endpoint_id IS NOT NULL))
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_endpoint ON notification_outbox (endpoint_id, id);

-- One daily digest per store day, whichever instance gets there first.
CREATE TABLE notification_digest (
    day     TEXT   NOT NULL PRIMARY KEY,
    sent_at BIGINT NOT NULL
);
