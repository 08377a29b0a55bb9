package org.stockroom.purchasing;

import java.util.Map;
import org.stockroom.support.DomainException;

/** Units were received on an order that is a draft, cancelled or fully received. */
public class PurchaseOrderNotOpenException extends DomainException {
    PurchaseOrderNotOpenException(String number, PurchaseOrder.Status status) {
        super(
                Kind.CONFLICT,
                "purchase-order-not-open",
                number + " is " + status + ": only a sent, not fully received order can be received",
                Map.of("orderStatus", status.name()));
    }
}
