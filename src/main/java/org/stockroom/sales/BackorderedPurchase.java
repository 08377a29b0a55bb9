package org.stockroom.sales;

import java.util.List;
import org.stockroom.stock.Backorder;

/**
 * The answer to a purchase that allowed backorders: the purchase (its lines are the whole
 * quantities bought), the backorders it opened for what stock could not cover (empty when stock
 * covered everything), and whether it answers an earlier request with the same idempotency key.
 */
public record BackorderedPurchase(Purchase purchase, List<Backorder> backorders, boolean replayed) {}
