package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.List;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseOutcome;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "purchase",
        mixinStandardHelpOptions = true,
        description = {
            "Sells every line or none: takes the stock at once and prints any restock alert it raised.",
            "A refusal names every short line and exits 1."
        },
        footer = {"", "Example: stockroom purchase MOU-WL:2 LAP-PRO15:1 --reference 'Order #1042'"})
class PurchaseCommand extends StoreCommand {

    @Parameters(
            arity = "1..*",
            paramLabel = "SKU:QTY",
            converter = LineConverter.class,
            description = "A product and how many units of it to sell.")
    List<PurchaseRequest.Line> lines;

    @Option(names = "--reference", paramLabel = "R", description = "Your own reference, e.g. the shop's order number.")
    String reference;

    @Option(
            names = "--idempotency-key",
            paramLabel = "K",
            description =
                    "Makes a retry safe: a second purchase with the same key and lines sells nothing and answers the first.")
    String idempotencyKey;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private PurchaseRequest request;

    @Override
    void beforeOpening() {
        request = new PurchaseRequest(reference, lines);
    }

    @Override
    int run(StoreSession session, PrintWriter out) {
        PurchaseOutcome outcome = session.store().purchase(request, idempotencyKey);
        Purchase purchase = outcome.purchase();
        if (outcome.replayed()) {
            spec.commandLine()
                    .getErr()
                    .println("note: this idempotency key was already used for this purchase; nothing more was sold");
            spec.commandLine().getErr().flush();
        }
        if (json) {
            Output.json(out, purchase);
            return 0;
        }
        print(out, purchase, session);
        return 0;
    }

    /** The purchase as a receipt: its lines, the total and any restock alert it raised. */
    static void print(PrintWriter out, Purchase purchase, StoreSession session) {
        var properties = session.bean(StockroomProperties.class);
        var currency = properties.currency();
        out.println("Purchase " + purchase.id()
                + (purchase.reference() == null ? "" : " (" + purchase.reference() + ")") + ", "
                + Output.time(purchase.createdAt(), properties.timezone()));
        out.println();
        Table table = new Table("SKU", "PRODUCT", "QTY", "UNIT PRICE", "LINE TOTAL").right(2, 3, 4);
        purchase.lines()
                .forEach(l -> table.row(
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        Output.money(l.unitPrice(), currency),
                        Output.money(l.lineTotal(), currency)));
        table.totals(
                "Total",
                "",
                purchase.lines().stream().mapToLong(Purchase.Line::quantity).sum(),
                "",
                Output.money(purchase.total(), currency));
        table.print(out);
        if (purchase.alerts() != null) {
            purchase.alerts()
                    .forEach(a -> out.println(
                            "Restock alert: " + Output.alert(a.sku(), a.level(), a.stock(), a.reorderThreshold())));
        }
        out.flush();
    }

    /** {@code SKU:QTY}; the rules for SKUs and quantities are the purchase's own, checked when it is built. */
    static final class LineConverter implements CommandLine.ITypeConverter<PurchaseRequest.Line> {
        @Override
        public PurchaseRequest.Line convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException("expected SKU:QTY, for example MOU-WL:2");
            }
            try {
                return new PurchaseRequest.Line(value.substring(0, colon), Long.parseLong(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("the quantity after ':' must be a whole number");
            }
        }
    }
}
