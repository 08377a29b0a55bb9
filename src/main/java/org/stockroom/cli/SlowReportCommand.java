package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.Currency;
import org.stockroom.reports.SlowMovers;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "slow",
        mixinStandardHelpOptions = true,
        description = "Products in stock with no sale in N days (dead stock), and the value tied up in them.")
class SlowReportCommand extends StoreCommand {

    @Mixin
    ReportFormat format = new ReportFormat();

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "Days without a sale (default stockroom.reports.slow-mover-days, 60).")
    Integer days;

    @Override
    int run(StoreSession session, PrintWriter out) {
        SlowMovers report = session.store().slowMovers(days);
        if (format.printed(out, report, report::csv)) {
            return 0;
        }
        Currency currency = session.bean(StockroomProperties.class).currency();
        Table table = new Table("SKU", "NAME", "STOCK", "LAST SALE", "DAYS", "VALUE", "AT").right(2, 4, 5);
        for (SlowMovers.Item p : report.products()) {
            table.row(
                    p.sku(),
                    p.name(),
                    p.stock(),
                    p.lastSale() == null ? "never" : p.lastSale(),
                    p.daysSinceLastSale() == null ? "" : p.daysSinceLastSale(),
                    Output.money(p.value(), currency),
                    p.valueBasis());
        }
        SlowMovers.Totals t = report.totals();
        table.totals(
                "TOTAL",
                t.products() + " products",
                t.units(),
                "",
                "",
                Output.money(t.valueAtCost(), currency),
                "cost");
        out.println("No sale since " + report.noSaleSince() + " (" + report.days() + " days)");
        table.print(out);
        if (t.unknownCostProducts() > 0) {
            out.println("plus " + t.unknownCostProducts() + " products of unknown cost: "
                    + Output.money(t.unknownCostValueAtRetail(), currency) + " at retail");
        }
        return 0;
    }
}
