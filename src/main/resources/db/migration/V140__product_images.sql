-- A product's picture, as the address of an image the shop already hosts (Shopify's "Image Src",
-- WooCommerce's first "Images" entry): Stockroom shows it as a thumbnail and never fetches or stores it.
ALTER TABLE product ADD COLUMN image_url TEXT;
