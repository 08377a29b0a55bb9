package org.stockroom.imports;

import java.math.BigDecimal;

/**
 * One product as a file describes it. A null field is one the file does not give (a column it
 * lacks or an empty cell), which leaves an existing product's value as it is.
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
        String barcode) {}
