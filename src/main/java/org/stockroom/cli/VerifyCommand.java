package org.stockroom.cli;

import java.io.PrintWriter;
import org.stockroom.selfcheck.SelfCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Self-check: recomputes every product's stock from its movements, units sold from sales and returns,",
            "and the open alerts from the thresholds; prints each discrepancy. Exit 0 only when all agree (3 otherwise)."
        })
class VerifyCommand extends StoreCommand {

    /** Distinct from 1 (a refusal) so scripts can tell "the store disagrees with itself" from "the check could not run". */
    static final int DISCREPANCIES = 3;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    int run(StoreSession session, PrintWriter out) {
        SelfCheckReport report = session.store().verify();
        if (json) {
            Output.json(out, report);
        } else if (report.ok()) {
            out.println("ok: " + report.checked()
                    + " products checked, stock, units sold and alerts all agree with the records");
        } else {
            Table table = new Table("SKU", "CHECK", "EXPECTED", "ACTUAL", "DETAIL").right(2, 3);
            report.discrepancies().forEach(d -> table.row(d.sku(), d.check(), d.expected(), d.actual(), d.detail()));
            table.print(out);
            out.println(report.discrepancies().size() + " discrepancies among " + report.checked() + " products");
        }
        return report.ok() ? 0 : DISCREPANCIES;
    }
}
