-- Applied catalog imports and what each did per product, so an import can be undone as a whole.
CREATE TABLE catalog_import (
    id            ${text} NOT NULL PRIMARY KEY,
    format        TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    report        TEXT    NOT NULL,
    movement_mark BIGINT  NOT NULL,
    created_at    BIGINT  NOT NULL,
    undone_at     BIGINT
);

CREATE TABLE catalog_import_effect (
    import_id   ${text} NOT NULL REFERENCES catalog_import (id),
    sku         ${text} NOT NULL,
    created     BOOLEAN NOT NULL,
    previous    TEXT,
    stock_delta BIGINT NOT NULL,
    PRIMARY KEY (import_id, sku)
);
