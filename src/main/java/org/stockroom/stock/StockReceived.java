package org.stockroom.stock;

import org.stockroom.catalog.Product;

/**
 * Published inside the transaction that received units from a supplier, so that notifications of
 * the receipt are queued with it (and vanish with it if it rolls back).
 */
public record StockReceived(Product product, Movement movement) {}
