package org.stockroom.purchasing;

import java.time.Instant;

/** Someone the shop buys from. {@code leadTimeDays} is the default lead time of the products it supplies. */
public record Supplier(
        long id,
        String name,
        String email,
        String phone,
        Integer leadTimeDays,
        String notes,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {}
