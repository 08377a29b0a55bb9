package org.stockroom.notifications;

import java.time.Instant;

/**
 * One notification to one webhook endpoint, as the delivery log shows it. {@code messageId} is
 * the {@code webhook-id} the receiver sees on every attempt; {@code nextAttemptAt} is set while pending.
 */
public record Delivery(
        long id,
        String messageId,
        String event,
        String status,
        int attempts,
        Integer responseCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt) {}
