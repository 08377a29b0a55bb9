package org.stockroom.catalog;

/**
 * Published inside the transaction that created, changed, archived or restored a product, so that
 * features that depend on the catalog (alerts) follow the change in the same transaction.
 */
public record ProductChanged(Product product) {}
