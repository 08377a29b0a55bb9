package org.stockroom.reservations;

import java.time.Instant;
import java.util.List;

/** A reservation as its owner sees it; {@code purchaseId} is set once it is committed. */
public record Reservation(
        String id,
        String reference,
        ReservationStatus status,
        Instant createdAt,
        Instant expiresAt,
        List<Line> lines,
        String purchaseId) {

    /** Units of one product held (or once held) by the reservation. */
    public record Line(String sku, long quantity) {}
}
