/**
 * Stock and its ledger. The only writer of the product table's stock columns (stock, reserved,
 * backordered, units_sold, last_stock_delta), through the package-private statements of
 * {@code StockStatements}, of the ledger table {@code stock_movement}: every change of on-hand
 * stock is a movement with actor, reason and balance after, made by {@link org.stockroom.stock.Stock#apply},
 * and of the {@code backorder} table: what purchases allowing backorders owe, created by
 * {@link org.stockroom.stock.Stock#takeAllowingBackorder}, filled by receipts inside {@code apply},
 * cancelled by {@link org.stockroom.stock.Stock#cancelBackorder}; {@code product.backordered} is the
 * sum of the open rows' owed units, kept in the same transactions.
 */
package org.stockroom.stock;
