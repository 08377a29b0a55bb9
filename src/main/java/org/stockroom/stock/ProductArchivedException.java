package org.stockroom.stock;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/** The product is archived: it is no longer sold or received. */
public class ProductArchivedException extends DomainException {
    public ProductArchivedException(List<String> skus) {
        super(
                DomainException.Kind.UNPROCESSABLE,
                "product-archived",
                "Archived and no longer sold or received: " + String.join(", ", skus),
                Map.of("skus", List.copyOf(skus)));
    }
}
