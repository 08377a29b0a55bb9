package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Currency;
import org.stockroom.reports.SalesSeries;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "daily",
        mixinStandardHelpOptions = true,
        description = "Net sales per day (default: the last 30 days), store or one product.")
class DailyReportCommand extends StoreCommand {

    @Mixin
    ReportFormat format = new ReportFormat();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive; default today).")
    LocalDate to;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only this product.")
    String sku;

    @Override
    int run(StoreSession session, PrintWriter out) {
        SalesSeries series = session.store().salesSeries(from, to, sku);
        if (format.printed(out, series, series::csv)) {
            return 0;
        }
        Currency currency = session.bean(StockroomProperties.class).currency();
        Table table = new Table("DATE", "UNITS", "REVENUE", "COST", "MARGIN").right(1, 2, 3, 4);
        long units = 0;
        java.math.BigDecimal revenue = java.math.BigDecimal.ZERO;
        for (SalesSeries.Day d : series.days()) {
            table.row(
                    d.date(),
                    d.units(),
                    Output.money(d.revenue(), currency),
                    Output.money(d.cost(), currency),
                    Output.money(d.margin(), currency));
            units += d.units();
            revenue = revenue.add(d.revenue());
        }
        table.totals("TOTAL", units, Output.money(revenue, currency), "", "");
        out.println("Daily sales " + series.from() + " to " + series.to() + (sku == null ? "" : " of " + sku));
        table.print(out);
        return 0;
    }
}
