package org.stockroom.sales;

import java.time.LocalDate;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;

/** Purchases between two dates of the store's calendar (both inclusive), optionally of one SKU, newest first. */
public record PurchaseQuery(LocalDate from, LocalDate to, String sku, int page, int size) {
    public PurchaseQuery {
        Page.check(page, size);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }
}
