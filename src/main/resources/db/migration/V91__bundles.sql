-- Bundles (kits): a product sold from its components. It holds no stock of its own (its stock column
-- stays 0 and its stock is not tracked); what it can sell is computed from its components' available
-- units. components is the bundle's recipe as text ("MUG:2|COASTER:1", in SKU order) so that one
-- product row reads whole; bundle_component holds the same recipe row by row for the statements that
-- compute a bundle's stock or find the bundles of a component. A recipe never changes once written
-- (a sale, a hold or a return expands by it), and a component is never itself a bundle, so no cycle
-- can form. Both are written only by catalog.
ALTER TABLE product ADD COLUMN components TEXT;

CREATE TABLE bundle_component (
    bundle_sku    ${text} NOT NULL REFERENCES product (sku),
    component_sku ${text} NOT NULL REFERENCES product (sku),
    quantity      BIGINT  NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (bundle_sku, component_sku),
    CHECK (bundle_sku <> component_sku)
);
CREATE INDEX bundle_component_component ON bundle_component (component_sku, bundle_sku);
