package org.stockroom.catalog;

import java.util.List;
import java.util.Map;
import org.stockroom.support.DomainException;

/**
 * A bundle whose recipe cannot be used: a component that does not exist ({@code unknown-component}),
 * is archived ({@code component-archived}), is itself a bundle ({@code nested-bundle}), or is the
 * bundle itself ({@code bundle-cycle}). Each names the SKUs at fault in {@code skus}.
 */
public class BundleRecipeException extends DomainException {

    private BundleRecipeException(String code, String message, List<String> skus) {
        super(Kind.UNPROCESSABLE, code, message, Map.of("skus", List.copyOf(skus)));
    }

    static BundleRecipeException unknown(List<String> skus) {
        return new BundleRecipeException(
                "unknown-component", "No product with SKU " + String.join(", ", skus) + " to put in a bundle", skus);
    }

    static BundleRecipeException archived(List<String> skus) {
        return new BundleRecipeException(
                "component-archived",
                String.join(", ", skus) + (skus.size() == 1 ? " is" : " are") + " archived and cannot go into a bundle",
                skus);
    }

    static BundleRecipeException nested(List<String> skus) {
        return new BundleRecipeException(
                "nested-bundle",
                String.join(", ", skus) + (skus.size() == 1 ? " is a bundle" : " are bundles")
                        + "; a bundle's components are products that hold stock (put their components in instead)",
                skus);
    }

    static BundleRecipeException cycle(String sku) {
        return new BundleRecipeException("bundle-cycle", sku + " cannot be a component of itself", List.of(sku));
    }
}
