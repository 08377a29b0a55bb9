package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Restock alerts: open while a product is at or below its threshold (LOW), or sold out (OUT).")
class AlertsCommand extends StoreCommand {

    @Option(
            names = "--status",
            paramLabel = "open|resolved|all",
            defaultValue = "open",
            description = "Which alerts (default: ${DEFAULT-VALUE}).")
    AlertStatus status;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    int run(StoreSession session, PrintWriter out) {
        List<Alert> alerts = session.store().alerts(status);
        if (json) {
            Output.json(out, alerts);
            return 0;
        }
        if (alerts.isEmpty()) {
            out.println(
                    status == AlertStatus.OPEN
                            ? "No open restock alerts: nothing needs restocking."
                            : "No restock alerts.");
            out.flush();
            return 0;
        }
        var zone = session.bean(StockroomProperties.class).timezone();
        Table table = new Table(
                        "ID", "SKU", "PRODUCT", "LEVEL", "STOCK", "THRESHOLD", "RAISED", "ACKNOWLEDGED", "RESOLVED")
                .right(0, 4, 5);
        alerts.forEach(a -> table.row(
                a.id(),
                a.sku(),
                a.name(),
                a.level(),
                a.stock(),
                a.reorderThreshold(),
                Output.time(a.raisedAt(), zone),
                Output.time(a.acknowledgedAt(), zone),
                Output.time(a.resolvedAt(), zone)));
        table.print(out);
        return 0;
    }
}
