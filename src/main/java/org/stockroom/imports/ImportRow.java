package org.stockroom.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.stockroom.catalog.BundleComponent;

/**
 * One product as a file describes it. A null field is one the file does not give (a column it
 * lacks or an empty cell), which leaves an existing product's value as it is. {@code stockTracked}
 * is false when the platform says the product is in stock without counting it (its stock is then null).
 * {@code components} is a bundle's recipe (Stockroom's {@code components} column, {@code MUG:2|COASTER:1});
 * empty for a product that is no bundle, null when the file does not say. {@code imageUrl} is the
 * address of the product's picture (Shopify's Image Src or Variant Image, WooCommerce's first Image).
 */
record ImportRow(
        long line,
        String sku,
        String name,
        BigDecimal price,
        Long stock,
        Long reorderThreshold,
        BigDecimal cost,
        Long reorderQuantity,
        Integer leadTimeDays,
        String supplier,
        String barcode,
        String group,
        Map<String, String> options,
        boolean stockTracked,
        List<BundleComponent> components,
        String imageUrl) {}
