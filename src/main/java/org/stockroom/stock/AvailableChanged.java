package org.stockroom.stock;

/**
 * Published inside the transaction that changed a product's stock, once per product changed, so
 * that whatever must follow the product's available stock (sales channels) records it in the same
 * transaction: it commits with the change or not at all.
 */
public record AvailableChanged(String sku) {}
