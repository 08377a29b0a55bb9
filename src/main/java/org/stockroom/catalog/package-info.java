/**
 * The catalog: {@link org.stockroom.catalog.Product} and its rules, product changes, archiving.
 * Writes the product table's descriptive columns (name, price, thresholds, cost, supplier, barcode,
 * archived). Its stock columns (stock, reserved, backordered, units_sold, last_stock_delta) belong
 * to {@code stock}, which alone writes them; the catalog never depends on {@code stock}.
 */
package org.stockroom.catalog;
