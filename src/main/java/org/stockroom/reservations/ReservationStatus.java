package org.stockroom.reservations;

/** Where a reservation is in its life: only an ACTIVE one holds units, and it leaves ACTIVE once. */
public enum ReservationStatus {
    ACTIVE,
    COMMITTED,
    RELEASED,
    EXPIRED
}
