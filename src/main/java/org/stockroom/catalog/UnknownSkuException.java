package org.stockroom.catalog;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

public class UnknownSkuException extends DomainException {

    /** A single product looked up by its SKU does not exist: 404. */
    public UnknownSkuException(String sku) {
        super(
                DomainException.Kind.NOT_FOUND,
                "unknown-sku",
                "No product with SKU " + sku,
                Map.of("skus", List.of(sku)));
    }

    /** An order names products that do not exist: 422, the request is well-formed but cannot be processed. */
    public UnknownSkuException(List<String> skus) {
        super(
                DomainException.Kind.UNPROCESSABLE,
                "unknown-sku",
                "No product with SKU " + String.join(", ", skus),
                Map.of("skus", List.copyOf(skus)));
    }
}
