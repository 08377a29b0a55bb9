package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What sold in a period, per product and in total, net of returns. Cost and margin are null
 * ("unknown") when any unit sold had no known cost, rather than an invented figure.
 */
public record SalesReport(LocalDate from, LocalDate to, String currency, Totals totals, List<ProductSales> products) {

    public record Totals(long purchases, long units, BigDecimal revenue, BigDecimal cost, BigDecimal margin) {}

    public record ProductSales(
            String sku,
            String name,
            long unitsSold,
            BigDecimal revenue,
            BigDecimal cost,
            BigDecimal margin,
            long stock,
            boolean needsRestock) {}

    /** The product rows as CSV with a header line; unknown cost and margin are empty cells. */
    public String csv() {
        return ReportCsv.write(
                List.of("sku", "name", "unitsSold", "revenue", "cost", "margin", "stock", "needsRestock"),
                products.stream()
                        .map(p -> java.util.Arrays.<Object>asList(
                                p.sku(),
                                p.name(),
                                p.unitsSold(),
                                p.revenue(),
                                p.cost(),
                                p.margin(),
                                p.stock(),
                                p.needsRestock()))
                        .toList());
    }
}
