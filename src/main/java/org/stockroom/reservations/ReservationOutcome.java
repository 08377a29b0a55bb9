package org.stockroom.reservations;

/** A reservation made, or the one made earlier under the same Idempotency-Key ({@code replayed}). */
public record ReservationOutcome(Reservation reservation, boolean replayed) {}
