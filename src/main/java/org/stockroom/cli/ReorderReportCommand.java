package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.Currency;
import org.stockroom.reports.Reorder;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "reorder",
        mixinStandardHelpOptions = true,
        description =
                "What to reorder and how much, from recent demand, lead time and safety stock; overstock flagged.")
class ReorderReportCommand extends StoreCommand {

    @Mixin
    ReportFormat format = new ReportFormat();

    @Option(
            names = "--all",
            description =
                    "Every active product, not only those to reorder or overstocked (with --csv: not only those to reorder).")
    boolean all;

    @Override
    int run(StoreSession session, PrintWriter out) {
        Reorder report = session.store().reorder();
        if (format.printed(out, report, () -> report.csv(all))) {
            return 0;
        }
        Currency currency = session.bean(StockroomProperties.class).currency();
        Table table = new Table("SKU", "NAME", "STOCK", "DEMAND/DAY", "COVER", "LEAD", "REORDER AT", "ORDER", "NOTE")
                .right(2, 3, 4, 5, 6, 7);
        long toOrder = 0;
        for (Reorder.Suggestion s : report.products()) {
            if (!all && !s.reorder() && !s.overstocked()) {
                continue;
            }
            toOrder += s.suggestedQuantity();
            String note = s.overstocked()
                    ? "overstocked: " + s.excessUnits() + " over, " + Output.money(s.excessValue(), currency) + " at "
                            + s.excessValueBasis()
                    : s.basis().equals("threshold") ? "no sales: threshold" : "";
            table.row(
                    s.sku(),
                    s.name(),
                    s.stock(),
                    s.demandPerDay(),
                    s.daysOfCover() == null ? "-" : s.daysOfCover() + " d",
                    s.leadTimeDays() + (s.leadTimeDefaulted() ? "*" : "") + " d",
                    s.reorderPoint(),
                    s.suggestedQuantity() == 0 ? "" : s.suggestedQuantity(),
                    note);
        }
        table.totals("TOTAL", "", "", "", "", "", "", toOrder, "");
        Reorder.Settings settings = report.settings();
        out.println("Demand " + report.from() + " to " + report.to() + "; service level " + settings.serviceLevel()
                + ", target cover " + settings.targetCoverDays() + " d; * default lead time");
        table.print(out);
        return 0;
    }
}
