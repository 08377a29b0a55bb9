-- Accounts (issue 8). Usernames are compared as stored: the API only accepts lower-case names.

CREATE TABLE app_user (
    username       ${text} NOT NULL PRIMARY KEY,
    password_hash  TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('OWNER', 'STAFF', 'VIEWER')),
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    -- Base32 TOTP secret once the user has confirmed an authenticator; null while not enrolled.
    totp_secret    TEXT,
    -- The last 30-second step whose code was accepted, so a code cannot be replayed.
    totp_last_step BIGINT,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    last_login_at  BIGINT
);

-- One-time recovery codes, stored as SHA-256 hashes; a used code is deleted.
CREATE TABLE recovery_code (
    username  ${text} NOT NULL REFERENCES app_user (username),
    code_hash TEXT    NOT NULL,
    PRIMARY KEY (username, code_hash)
);

-- API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id           ${text} NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    role         TEXT    NOT NULL CHECK (role IN ('OWNER', 'STAFF', 'VIEWER')),
    created_by   ${text} NOT NULL REFERENCES app_user (username),
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT,
    revoked_at   BIGINT,
    last_used_at BIGINT
);

CREATE TABLE audit_event (
    id     ${id},
    at     BIGINT  NOT NULL,
    actor  ${text} NOT NULL,
    action ${text} NOT NULL,
    target TEXT,
    detail TEXT
);
CREATE INDEX audit_event_at ON audit_event (at);
