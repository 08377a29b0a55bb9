package org.stockroom.catalog;

import java.util.List;

/**
 * Published inside the transaction that added products to the catalog (one, or a whole import),
 * so that the ledger records their opening stock and alerts are raised in the same transaction.
 */
public record ProductsAdded(List<Product> products) {}
