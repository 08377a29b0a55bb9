package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Products in stock that have not sold for {@code days} days (or never, when older than that):
 * the cash tied up in them, most first. {@code value} is at cost, or at retail when the cost is
 * unknown, as {@code valueBasis} says.
 */
public record SlowMovers(int days, LocalDate noSaleSince, String currency, Totals totals, List<Item> products) {

    /** {@code valueAtCost} sums the products of known cost; those without are counted and valued at retail apart. */
    public record Totals(
            long products,
            long units,
            BigDecimal valueAtCost,
            long unknownCostProducts,
            BigDecimal unknownCostValueAtRetail) {}

    public record Item(
            String sku,
            String name,
            long stock,
            LocalDate lastSale,
            Long daysSinceLastSale,
            BigDecimal unitCost,
            BigDecimal unitPrice,
            BigDecimal value,
            String valueBasis) {}

    public String csv() {
        return ReportCsv.write(
                List.of(
                        "sku",
                        "name",
                        "stock",
                        "lastSale",
                        "daysSinceLastSale",
                        "unitCost",
                        "unitPrice",
                        "value",
                        "valueBasis"),
                products.stream()
                        .map(p -> Arrays.<Object>asList(
                                p.sku(),
                                p.name(),
                                p.stock(),
                                p.lastSale(),
                                p.daysSinceLastSale(),
                                p.unitCost(),
                                p.unitPrice(),
                                p.value(),
                                p.valueBasis()))
                        .toList());
    }
}
