package org.stockroom.stock;

import java.time.Instant;

/**
 * Units a purchase owes because stock could not cover them when the order was taken: {@code quantity}
 * owed, of which {@code filled} have been delivered from receipts since. OPEN while units are owed,
 * FILLED when all were delivered, CANCELLED when the rest is no longer owed.
 */
public record Backorder(
        long id,
        String sku,
        long quantity,
        long filled,
        String purchaseId,
        String channel,
        Status status,
        Instant createdAt,
        Instant filledAt,
        Instant cancelledAt) {

    public enum Status {
        OPEN,
        FILLED,
        CANCELLED
    }

    /** Units still owed (0 unless OPEN). */
    public long owed() {
        return status == Status.OPEN ? quantity - filled : 0;
    }
}
