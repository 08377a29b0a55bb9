package org.stockroom.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Store-wide catalog defaults ({@code stockroom.catalog.*}), used when an import file does not give
 * a new product's reorder threshold or reorder quantity, so an imported catalog is not silently
 * "never low". The import report says which defaults it applied.
 *
 * @param defaultReorderThreshold the threshold of an imported product whose file gives none
 * @param defaultReorderQuantity the reorder quantity of an imported product whose file gives none; unset: none
 */
@ConfigurationProperties("stockroom.catalog")
public record CatalogProperties(@DefaultValue("0") long defaultReorderThreshold, Long defaultReorderQuantity) {

    public CatalogProperties {
        if (defaultReorderThreshold < 0 || defaultReorderThreshold > NewProduct.MAX_UNITS) {
            throw new IllegalArgumentException(
                    "stockroom.catalog.default-reorder-threshold must be from 0 to " + NewProduct.MAX_UNITS);
        }
        if (defaultReorderQuantity != null
                && (defaultReorderQuantity < 1 || defaultReorderQuantity > NewProduct.MAX_UNITS)) {
            throw new IllegalArgumentException(
                    "stockroom.catalog.default-reorder-quantity must be from 1 to " + NewProduct.MAX_UNITS);
        }
    }
}
