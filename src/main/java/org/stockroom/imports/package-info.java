/**
 * Catalog imports from CSV files (Stockroom's own, Shopify's, WooCommerce's), with a dry run, an
 * all-or-nothing apply and undo; and catalog exports in the same formats.
 *
 * <p>Owns and alone writes {@code catalog_import} and {@code catalog_import_effect}. Products are
 * created and changed through the catalog, and stock through the ledger, never by this package's SQL.
 * The defaults for new products without a threshold come from the settings, else {@code stockroom.catalog.*}.
 */
package org.stockroom.imports;
