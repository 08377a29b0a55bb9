package org.stockroom.reports;

import java.util.Comparator;
import java.util.Locale;
import org.stockroom.support.InvalidRequestException;

/** Orders of the sales report, highest first; ties by SKU. Products of unknown margin come last when sorting by margin. */
public enum SalesSort {
    REVENUE(Comparator.comparing(SalesReport.ProductSales::revenue).reversed()),
    UNITS(Comparator.comparingLong(SalesReport.ProductSales::unitsSold).reversed()),
    MARGIN(Comparator.comparing(
                    SalesReport.ProductSales::margin,
                    Comparator.nullsFirst(Comparator.<java.math.BigDecimal>naturalOrder()))
            .reversed());

    private final Comparator<SalesReport.ProductSales> order;

    SalesSort(Comparator<SalesReport.ProductSales> order) {
        this.order = order.thenComparing(SalesReport.ProductSales::sku);
    }

    Comparator<SalesReport.ProductSales> order() {
        return order;
    }

    /** {@code revenue}, {@code units} or {@code margin}; null means revenue. */
    public static SalesSort parse(String text) {
        if (text == null || text.isBlank()) {
            return REVENUE;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("sort", "must be revenue, units or margin");
        }
    }
}
