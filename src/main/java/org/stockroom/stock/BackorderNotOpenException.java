package org.stockroom.stock;

import org.stockroom.support.DomainException;

/** A backorder that is filled or cancelled already owes nothing that could be cancelled. */
public class BackorderNotOpenException extends DomainException {

    public BackorderNotOpenException(long id, Backorder.Status status) {
        super(
                Kind.CONFLICT,
                "backorder-not-open",
                "Backorder " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", not open");
    }
}
