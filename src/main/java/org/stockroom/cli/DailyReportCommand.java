package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.Callable;
import org.stockroom.reports.SalesSeries;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "daily",
        mixinStandardHelpOptions = true,
        description = "Net sales per day (default: the last 30 days), store or one product.")
class DailyReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data = new DataOption();

    @Mixin
    ReportFormat format = new ReportFormat();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive; default today).")
    LocalDate to;

    @Option(names = "--sku", paramLabel = "SKU", description = "Only this product.")
    String sku;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoreSession session = data.open()) {
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
}
