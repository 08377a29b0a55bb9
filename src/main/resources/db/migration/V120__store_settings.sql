-- Settings changed in the UI (settings/Settings); a name without a row falls back to the configuration.
CREATE TABLE store_setting (
    name       ${text} NOT NULL PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);
