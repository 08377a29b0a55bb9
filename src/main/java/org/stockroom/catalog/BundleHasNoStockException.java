package org.stockroom.catalog;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/** A receipt, an adjustment, a count or an opening stock for a bundle, whose stock is its components'. */
public class BundleHasNoStockException extends DomainException {

    public BundleHasNoStockException(List<String> skus) {
        super(
                Kind.UNPROCESSABLE,
                "bundle-has-no-stock",
                String.join(", ", skus) + (skus.size() == 1 ? " is a bundle" : " are bundles")
                        + ": a bundle holds no stock of its own; receive or count its components instead",
                Map.of("skus", List.copyOf(skus)));
    }
}
