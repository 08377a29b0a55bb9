package org.stockroom.sales;

/** A purchase, and whether it is the stored answer to an earlier request with the same idempotency key. */
public record PurchaseOutcome(Purchase purchase, boolean replayed) {}
