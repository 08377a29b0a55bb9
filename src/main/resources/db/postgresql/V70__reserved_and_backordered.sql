-- The stock model's other faces (shared/API.md, "Stock model"): units held by active reservations
-- and units owed to orders taken while stock was short. stock >= reserved >= 0 is the database's
-- rule, so no path can hold units that are not on hand.
ALTER TABLE product ADD COLUMN reserved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE product ADD COLUMN backordered BIGINT NOT NULL DEFAULT 0 CHECK (backordered >= 0);
ALTER TABLE product ADD CONSTRAINT product_reserved_within_stock CHECK (reserved >= 0 AND reserved <= stock);
