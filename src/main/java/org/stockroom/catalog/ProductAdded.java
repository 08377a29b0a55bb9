package org.stockroom.catalog;

/**
 * Published inside the transaction that added a product to the catalog, so that the ledger can
 * record the opening stock in the same transaction.
 */
public record ProductAdded(Product product) {}
