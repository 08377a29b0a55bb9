package org.stockroom.purchasing;

import java.util.Map;
import org.stockroom.support.DomainException;

/** A change that only a draft allows (its lines, sending it) was asked of an order that is no longer one. */
public class PurchaseOrderNotDraftException extends DomainException {
    PurchaseOrderNotDraftException(String number, PurchaseOrder.Status status) {
        super(
                Kind.CONFLICT,
                "purchase-order-not-draft",
                number + " is " + status + ": only a draft can be changed or sent",
                Map.of("orderStatus", status.name()));
    }
}
