/**
 * Stock and its ledger. The only writer of the product table's stock columns (stock, reserved,
 * backordered, units_sold, last_stock_delta), through the package-private statements of
 * {@code StockStatements}, and of the ledger table {@code stock_movement}: every change of on-hand
 * stock is a movement with actor, reason and balance after, made by {@link org.stockroom.stock.Stock#apply}.
 */
package org.stockroom.stock;
