package org.stockroom.catalog;

/**
 * How many products are for sale, and how many of them are low (at or below their threshold with
 * some left) or out of stock. Archived products are not counted.
 */
public record StockCounts(long products, long lowStock, long outOfStock) {}
