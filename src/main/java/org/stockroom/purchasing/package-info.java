/**
 * Purchasing: suppliers and purchase orders, from the reorder report's suggestion to received stock.
 * Owns and alone writes the tables {@code supplier}, {@code purchase_order}, {@code purchase_order_line}
 * and {@code purchase_order_counter}. Stock comes in only through {@link org.stockroom.stock.Stock#apply}
 * (one RECEIPT movement per line, at the line's unit cost); a product's supplier text stays the
 * catalog's, and a supplier record is created for each new name in the transaction that named it.
 */
package org.stockroom.purchasing;
