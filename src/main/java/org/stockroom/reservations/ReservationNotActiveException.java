package org.stockroom.reservations;

import java.util.Map;
import org.stockroom.support.DomainException;

/** The reservation no longer holds its units (committed, released or expired), so it cannot be committed or released. */
public class ReservationNotActiveException extends DomainException {
    public ReservationNotActiveException(String id, ReservationStatus status) {
        super(
                Kind.CONFLICT,
                "reservation-not-active",
                "Reservation " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", not active",
                Map.of("status", status.name()));
    }
}
