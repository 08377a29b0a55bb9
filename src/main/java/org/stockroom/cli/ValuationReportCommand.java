package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.Currency;
import org.stockroom.reports.Valuation;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "valuation",
        mixinStandardHelpOptions = true,
        description = "Stock on hand valued at cost and at retail.")
class ValuationReportCommand extends StoreCommand {

    @Mixin
    ReportFormat format = new ReportFormat();

    @Override
    int run(StoreSession session, PrintWriter out) {
        Valuation report = session.store().valuation();
        if (format.printed(out, report, report::csv)) {
            return 0;
        }
        Currency currency = session.bean(StockroomProperties.class).currency();
        Table table =
                new Table("SKU", "NAME", "STOCK", "UNIT COST", "PRICE", "AT COST", "AT RETAIL").right(2, 3, 4, 5, 6);
        for (Valuation.Item p : report.products()) {
            table.row(
                    p.sku(),
                    p.name(),
                    p.stock(),
                    Output.money(p.unitCost(), currency),
                    Output.money(p.unitPrice(), currency),
                    Output.money(p.valueAtCost(), currency),
                    Output.money(p.valueAtRetail(), currency));
        }
        Valuation.Totals t = report.totals();
        table.totals(
                "TOTAL",
                t.products() + " products",
                t.units(),
                "",
                "",
                Output.money(t.valueAtCost(), currency),
                Output.money(t.valueAtRetail(), currency));
        out.println("Stock valuation on " + report.date());
        table.print(out);
        if (t.unknownCostProducts() > 0) {
            out.println("cost unknown for " + t.unknownCostProducts() + " products (" + t.unknownCostUnits()
                    + " units): not in the total at cost");
        }
        return 0;
    }
}
