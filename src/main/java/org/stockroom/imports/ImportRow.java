package org.stockroom.imports;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One product as a file describes it. A null field is one the file does not give (a column it
 * lacks or an empty cell), which leaves an existing product's value as it is. {@code stockTracked}
 * is false when the platform says the product is in stock without counting it (its stock is then null).
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
        boolean stockTracked) {

    ImportRow(
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
            String barcode) {
        this(
                line,
                sku,
                name,
                price,
                stock,
                reorderThreshold,
                cost,
                reorderQuantity,
                leadTimeDays,
                supplier,
                barcode,
                null,
                null,
                true);
    }
}
