package org.stockroom.channels;

import java.time.Instant;
import java.util.List;

/**
 * An order a channel delivered, and what became of it. {@code status}: TAKEN (a purchase took its
 * matched lines; what stock could not cover is backordered, listed in {@code detail}), SHORT (from
 * before backorders: stock could not cover it and nothing was taken), REFUSED, NOTHING_MATCHED (no
 * line named a sellable SKU), CANCELLED (its units were put back and its backorders cancelled).
 */
public record ChannelOrder(
        String channelId,
        String orderId,
        String orderName,
        String purchaseId,
        String status,
        String detail,
        Instant createdAt,
        Instant cancelledAt,
        String orderUrl,
        List<Line> lines) {

    public record Line(String sku, String title, long quantity, boolean matched) {}
}
