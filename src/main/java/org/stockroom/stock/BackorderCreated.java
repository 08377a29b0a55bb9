package org.stockroom.stock;

import org.stockroom.catalog.Product;

/**
 * Published inside the transaction that recorded a backorder, so that the owner's notices
 * (webhooks, the live feed) are queued with it and vanish with it if it rolls back.
 */
public record BackorderCreated(Backorder backorder, Product product) {}
