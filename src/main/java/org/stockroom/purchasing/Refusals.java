package org.stockroom.purchasing;

import org.stockroom.support.NotFoundException;

/** Purchasing's refusals, each its own class so a face can tell them apart without comparing codes. */
final class Refusals {

    private Refusals() {}

    static NotFoundException unknownOrder(String id) {
        return new NotFoundException("unknown-purchase-order", "No purchase order " + id);
    }

    static NotFoundException unknownSupplier(String id) {
        return new NotFoundException("unknown-supplier", "No supplier " + id);
    }
}
