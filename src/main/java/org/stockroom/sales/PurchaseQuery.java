package org.stockroom.sales;

import java.time.LocalDate;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;

/**
 * Purchases between two dates of the store's calendar (both inclusive), optionally of one SKU
 * and with one exact reference, newest first.
 */
public record PurchaseQuery(LocalDate from, LocalDate to, String sku, int page, int size, String reference) {

    public PurchaseQuery(LocalDate from, LocalDate to, String sku, int page, int size) {
        this(from, to, sku, page, size, null);
    }

    public PurchaseQuery {
        Page.check(page, size);
        if (reference != null && (reference.isEmpty() || reference.length() > 255)) {
            throw new InvalidRequestException("reference", "must be 1 to 255 characters");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }
}
