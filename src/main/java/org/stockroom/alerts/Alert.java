package org.stockroom.alerts;

import java.time.Instant;

/**
 * A restock alert. It is open exactly while its product needs restocking; {@code stock} is the
 * product's current stock while open, and the stock at resolution once resolved.
 */
public record Alert(
        long id,
        String sku,
        String name,
        AlertLevel level,
        long stock,
        long reorderThreshold,
        Instant raisedAt,
        Instant acknowledgedAt,
        Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}
