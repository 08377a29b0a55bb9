package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stockroom.stock.Backorder;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "backorders",
        mixinStandardHelpOptions = true,
        description = "Units owed to orders taken while stock was short; receipts fill them oldest first.")
class BackordersCommand extends StoreCommand {

    @Option(
            names = "--status",
            paramLabel = "open|filled|cancelled|all",
            defaultValue = "open",
            description = "Which backorders (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(
            names = "--cancel",
            paramLabel = "ID",
            description = "Cancel the open backorder ID: its units are owed no more.")
    Long cancel;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    int run(StoreSession session, PrintWriter out) {
        if (cancel != null) {
            Backorder cancelled = session.store().backorders().cancel(cancel);
            out.println("Cancelled backorder " + cancelled.id() + ": " + (cancelled.quantity() - cancelled.filled())
                    + " units of " + cancelled.sku() + " are owed no more.");
            out.flush();
            return 0;
        }
        List<Backorder> backorders = session.store().backorders().list(status);
        if (json) {
            Output.json(out, backorders);
            return 0;
        }
        if (backorders.isEmpty()) {
            out.println("No " + ("all".equalsIgnoreCase(status) ? "" : status.toLowerCase(java.util.Locale.ROOT) + " ")
                    + "backorders.");
            out.flush();
            return 0;
        }
        var zone = session.bean(StockroomProperties.class).timezone();
        Table table = new Table("ID", "SKU", "OWED", "FILLED", "STATUS", "CHANNEL", "PURCHASE", "CREATED", "FILLED AT")
                .right(0, 2, 3);
        backorders.forEach(b -> table.row(
                b.id(),
                b.sku(),
                b.quantity(),
                b.filled(),
                b.status(),
                b.channel(),
                b.purchaseId(),
                Output.time(b.createdAt(), zone),
                Output.time(b.filledAt(), zone)));
        table.print(out);
        return 0;
    }
}
