package org.stockroom.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Net sales per calendar day of the store, for the whole store or one product ({@code sku}), every
 * day of the range present (zero when nothing sold) so a chart needs no gap filling.
 */
public record SalesSeries(LocalDate from, LocalDate to, String currency, String sku, List<Day> days) {

    public record Day(LocalDate date, long units, BigDecimal revenue, BigDecimal cost, BigDecimal margin) {}

    public String csv() {
        return ReportCsv.write(
                List.of("date", "units", "revenue", "cost", "margin"),
                days.stream()
                        .map(d -> Arrays.<Object>asList(d.date(), d.units(), d.revenue(), d.cost(), d.margin()))
                        .toList());
    }
}
