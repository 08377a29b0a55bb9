-- Variants: a product may belong to a group (Shopify handle, WooCommerce parent SKU) and carry its
-- options (name -> value, as a JSON object whose key order is the option order).
ALTER TABLE product ADD COLUMN variant_group ${text};
ALTER TABLE product ADD COLUMN options TEXT;
-- False for a product whose stock the source platform did not track (WooCommerce "In stock?" = 1 with no
-- Stock): it is imported with stock 0 and needs no restocking until its stock is first received or counted.
ALTER TABLE product ADD COLUMN stock_tracked BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX product_variant_group ON product (variant_group, sku);
CREATE INDEX product_barcode ON product (barcode);

-- The search index: every word of a product's SKU, name, supplier and group (lower case), and its
-- whole SKU. A query word matches a product when it is a prefix of one of its words (a range scan of
-- the primary key) or equals its barcode (product_barcode); every query word must match. Written only by catalog.
CREATE TABLE product_word (
    word ${text} NOT NULL,
    sku  ${text} NOT NULL REFERENCES product (sku),
    PRIMARY KEY (word, sku)
);
CREATE INDEX product_word_sku ON product_word (sku);
