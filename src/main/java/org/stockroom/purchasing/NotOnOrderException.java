package org.stockroom.purchasing;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/** A receipt named SKUs the order has no line for. */
public class NotOnOrderException extends DomainException {
    NotOnOrderException(String number, List<String> skus) {
        super(
                Kind.UNPROCESSABLE,
                "sku-not-on-order",
                String.join(", ", skus) + " not on " + number,
                Map.of("skus", List.copyOf(skus)));
    }
}
