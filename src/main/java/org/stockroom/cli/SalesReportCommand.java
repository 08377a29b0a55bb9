package org.stockroom.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.stockroom.reports.SalesReport;
import org.stockroom.reports.SalesSort;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sales",
        mixinStandardHelpOptions = true,
        description =
                "Units sold, revenue, cost and margin per product (net of returns), best sellers first, with totals.")
class SalesReportCommand extends StoreCommand {

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day included (default: the beginning).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day included (default: today).")
    LocalDate to;

    @Option(
            names = "--sort",
            paramLabel = "revenue|units|margin",
            description = "Order, highest first (default revenue).")
    String sort;

    @Option(names = "--limit", paramLabel = "N", description = "Only the top N products (the totals still cover all).")
    Integer limit;

    @Mixin
    ReportFormat format = new ReportFormat();

    @Override
    int run(StoreSession session, PrintWriter out) {
        SalesReport report = session.store().salesReport(from, to, SalesSort.parse(sort), limit);
        if (format.printed(out, report, report::csv)) {
            return 0;
        }
        var currency = session.bean(StockroomProperties.class).currency();
        SalesReport.Totals totals = report.totals();
        out.println("Sales " + (from == null ? "from the beginning" : "from " + from)
                + (to == null ? " to now" : " to " + to) + ": " + totals.purchases() + " purchases, "
                + totals.units() + " units, " + Output.money(totals.revenue(), currency) + ".");
        if (report.products().isEmpty()) {
            out.flush();
            return 0;
        }
        out.println();
        Table table = new Table("SKU", "PRODUCT", "UNITS", "REVENUE", "COST", "MARGIN", "IN STOCK", "STATUS")
                .right(2, 3, 4, 5, 6);
        report.products()
                .forEach(p -> table.row(
                        p.sku(),
                        p.name(),
                        p.unitsSold(),
                        Output.money(p.revenue(), currency),
                        Output.money(p.cost(), currency),
                        Output.money(p.margin(), currency),
                        p.stock(),
                        Output.status(p.stock(), p.needsRestock())));
        table.totals(
                "Total",
                "",
                totals.units(),
                Output.money(totals.revenue(), currency),
                Output.money(totals.cost(), currency),
                Output.money(totals.margin(), currency),
                "",
                "");
        table.print(out);
        return 0;
    }
}
