package org.stockroom.notifications;

import java.time.Instant;
import java.util.List;

/** A registered webhook endpoint as clients see it: never with its secret, which is shown once at registration. */
public record Webhook(
        String id,
        String url,
        List<String> events,
        String description,
        Instant createdAt,
        boolean disabled,
        Instant disabledAt,
        String disabledReason) {}
