package org.stockroom.stock;

import java.time.LocalDate;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;

/** A product's movements, optionally of one type and between two dates of the store's calendar (both inclusive), newest first. */
public record MovementQuery(String sku, MovementType type, LocalDate from, LocalDate to, int page, int size) {
    public MovementQuery {
        Page.check(page, size);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }
}
