package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What sold in a period, per product and in total. Cost and margin are null ("unknown") when any
 * unit sold had no known cost, rather than an invented figure.
 */
public record SalesReport(LocalDate from, LocalDate to, String currency, Totals totals, List<ProductSales> products) {

    public record Totals(long purchases, long units, BigDecimal revenue, BigDecimal cost, BigDecimal margin) {}

    public record ProductSales(String sku, String name, long unitsSold, BigDecimal revenue, BigDecimal cost, BigDecimal margin,
                               long stock, boolean needsRestock) {}
}
