package org.stockroom.catalog;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/** A product with this SKU exists already. */
public class DuplicateSkuException extends DomainException {

    DuplicateSkuException(String sku) {
        super(Kind.CONFLICT, "duplicate-sku", "A product with SKU " + sku + " already exists");
    }

    DuplicateSkuException(List<String> skus) {
        super(
                Kind.CONFLICT,
                "duplicate-sku",
                "Products with these SKUs already exist: " + String.join(", ", skus),
                Map.of("skus", List.copyOf(skus)));
    }
}
