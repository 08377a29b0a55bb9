package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What the stock on hand is worth, per active product in stock and in total, at cost and at
 * retail. A product without a known cost has a null value at cost; the totals sum the known costs
 * and count the unknown ones apart rather than guess.
 */
public record Valuation(LocalDate date, String currency, Totals totals, List<Item> products) {

    public record Totals(
            long products,
            long units,
            BigDecimal valueAtCost,
            BigDecimal valueAtRetail,
            long unknownCostProducts,
            long unknownCostUnits) {}

    public record Item(
            String sku,
            String name,
            long stock,
            BigDecimal unitCost,
            BigDecimal unitPrice,
            BigDecimal valueAtCost,
            BigDecimal valueAtRetail) {}

    public String csv() {
        return ReportCsv.write(
                List.of("sku", "name", "stock", "unitCost", "unitPrice", "valueAtCost", "valueAtRetail"),
                products.stream()
                        .map(p -> Arrays.<Object>asList(
                                p.sku(),
                                p.name(),
                                p.stock(),
                                p.unitCost(),
                                p.unitPrice(),
                                p.valueAtCost(),
                                p.valueAtRetail()))
                        .toList());
    }
}
