package org.stockroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.stockroom.purchasing.OrderRequest;
import org.stockroom.purchasing.PurchaseOrder;
import org.stockroom.purchasing.Purchasing;
import org.stockroom.purchasing.ReceiptRequest;
import org.stockroom.support.Choices;
import org.stockroom.support.InvalidRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code po <action>}: purchase orders from the command line; an order is named by its number (PO-0001) or id. */
@Command(
        name = "po",
        mixinStandardHelpOptions = true,
        description = "Purchase orders: list, show, draft, send, receive, cancel, export.",
        subcommands = {
            PoCommand.ListOrders.class,
            PoCommand.Show.class,
            PoCommand.New.class,
            PoCommand.FromReorder.class,
            PoCommand.Send.class,
            PoCommand.Receive.class,
            PoCommand.Cancel.class,
            PoCommand.Csv.class,
            PoCommand.Pdf.class,
        })
class PoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, PurchaseOrder order, Purchasing purchasing) {
        out.println(order.number() + "  " + order.supplier().name() + "  " + order.status()
                + (order.expectedOn() == null ? "" : "  expected " + order.expectedOn()));
        Table table = new Table("SKU", "Product", "Ordered", "Received", "Open", "Unit cost").right(2, 3, 4, 5);
        for (PurchaseOrder.Line l : order.lines()) {
            table.row(
                    l.sku(),
                    l.name(),
                    l.quantity(),
                    l.received(),
                    l.open(),
                    l.unitCost() == null ? "unknown" : l.unitCost().toPlainString());
        }
        table.totals(
                "", "Total", "", "", "", order.total(purchasing.currencyScale()).toPlainString());
        table.print(out);
        if (order.emailError() != null) {
            out.println("The email to " + order.emailedTo() + " failed: " + order.emailError());
        } else if (order.emailedAt() != null) {
            out.println("Emailed to " + order.emailedTo() + ".");
        }
    }

    /** {@code SKU=QTY} or {@code SKU=QTY@COST}. */
    static String[] split(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 1) {
            throw new InvalidRequestException("line", spec + " is not SKU=QUANTITY");
        }
        String sku = spec.substring(0, eq);
        String rest = spec.substring(eq + 1);
        int at = rest.indexOf('@');
        return at < 0
                ? new String[] {sku, rest, null}
                : new String[] {sku, rest.substring(0, at), rest.substring(at + 1)};
    }

    static long quantity(String text, String sku) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("quantity", sku + ": " + text + " is not a whole number");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Orders, newest first.")
    static class ListOrders extends StoreCommand {
        @Option(
                names = "--status",
                paramLabel = "S",
                description = "DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED or CANCELLED.")
        String status;

        @Option(names = "--supplier", paramLabel = "NAME", description = "Only this supplier's orders.")
        String supplier;

        @Override
        int run(StoreSession session, PrintWriter out) {
            PurchaseOrder.Status parsed = Choices.parseOptional(PurchaseOrder.Status.class, "--status", status);
            List<PurchaseOrder> orders = session.store().purchasing().orders(parsed, supplier);
            if (orders.isEmpty()) {
                out.println("No purchase orders.");
                return 0;
            }
            Table table = new Table("Number", "Supplier", "Status", "Expected", "Open units").right(4);
            for (PurchaseOrder o : orders) {
                table.row(
                        o.number(),
                        o.supplier().name(),
                        o.status(),
                        o.expectedOn() == null ? "" : o.expectedOn(),
                        o.openUnits());
            }
            table.print(out);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One order and its lines.")
    static class Show extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO", description = "The order's number or id.")
        String order;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Purchasing purchasing = session.store().purchasing();
            print(out, purchasing.order(order), purchasing);
            return 0;
        }
    }

    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = "Drafts an order: po new --supplier Acme LAP-001=10@700.00 MOU-002=25")
    static class New extends StoreCommand {
        @Option(names = "--supplier", required = true, paramLabel = "NAME", description = "Created on first use.")
        String supplier;

        @Option(names = "--expected", paramLabel = "DATE", description = "Expected delivery date, YYYY-MM-DD.")
        LocalDate expected;

        @Option(names = "--reference", paramLabel = "R", description = "Your reference.")
        String reference;

        @Parameters(
                paramLabel = "SKU=QTY[@COST]",
                arity = "0..*",
                description = "Lines; without @COST the product's cost.")
        List<String> lines = new ArrayList<>();

        @Override
        int run(StoreSession session, PrintWriter out) {
            List<OrderRequest.Line> parsed = new ArrayList<>();
            for (String line : lines) {
                String[] parts = split(line);
                BigDecimal cost;
                try {
                    cost = parts[2] == null ? null : new BigDecimal(parts[2]);
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("unitCost", parts[0] + ": " + parts[2] + " is not a number");
                }
                parsed.add(new OrderRequest.Line(parts[0], quantity(parts[1], parts[0]), cost));
            }
            Purchasing purchasing = session.store().purchasing();
            PurchaseOrder order = purchasing.create(new OrderRequest(supplier, reference, expected, parsed));
            print(out, order, purchasing);
            return 0;
        }
    }

    @Command(
            name = "from-reorder",
            mixinStandardHelpOptions = true,
            description = "One draft per supplier from the reorder report.")
    static class FromReorder extends StoreCommand {
        @Override
        int run(StoreSession session, PrintWriter out) {
            Purchasing purchasing = session.store().purchasing();
            Purchasing.Drafted drafted = purchasing.fromReorder();
            if (drafted.orders().isEmpty()) {
                out.println("Nothing to reorder: no draft made.");
            }
            for (PurchaseOrder order : drafted.orders()) {
                print(out, order, purchasing);
                out.println();
            }
            if (!drafted.withoutSupplier().isEmpty()) {
                out.println("Without a supplier, so not drafted: " + String.join(", ", drafted.withoutSupplier()));
            }
            return 0;
        }
    }

    @Command(
            name = "send",
            mixinStandardHelpOptions = true,
            description = "Marks a draft sent and emails its PDF to the supplier.")
    static class Send extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO")
        String order;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Purchasing purchasing = session.store().purchasing();
            print(out, purchasing.send(order), purchasing);
            return 0;
        }
    }

    @Command(
            name = "receive",
            mixinStandardHelpOptions = true,
            description = "Receives units: po receive PO-0001 LAP-001=4 MOU-002=25")
    static class Receive extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO")
        String order;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "SKU=QTY")
        List<String> lines;

        @Option(
                names = "--note",
                paramLabel = "N",
                description = "A note for the ledger (the order's number is always in it).")
        String note;

        @Override
        int run(StoreSession session, PrintWriter out) {
            List<ReceiptRequest.Line> parsed = new ArrayList<>();
            for (String line : lines) {
                String[] parts = split(line);
                parsed.add(new ReceiptRequest.Line(parts[0], quantity(parts[1], parts[0])));
            }
            Purchasing purchasing = session.store().purchasing();
            Purchasing.Receipt receipt = purchasing.receive(order, new ReceiptRequest(parsed, note));
            receipt.movements()
                    .forEach(m -> out.println(
                            "Received " + m.delta() + " x " + m.sku() + ": stock " + m.balanceAfter() + "."));
            print(out, receipt.order(), purchasing);
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a draft or open order.")
    static class Cancel extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO")
        String order;

        @Override
        int run(StoreSession session, PrintWriter out) {
            Purchasing purchasing = session.store().purchasing();
            print(out, purchasing.cancel(order), purchasing);
            return 0;
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true, description = "Writes the order's lines as CSV.")
    static class Csv extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO")
        String order;

        @Override
        int run(StoreSession session, PrintWriter out) {
            out.print(session.store().purchasing().csv(order));
            return 0;
        }
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true, description = "Writes the order as a PDF file.")
    static class Pdf extends StoreCommand {
        @Parameters(index = "0", paramLabel = "PO")
        String order;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path file;

        @Override
        int run(StoreSession session, PrintWriter out) {
            try {
                Files.write(file, session.store().purchasing().pdf(order));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("Wrote " + file + ".");
            return 0;
        }
    }
}
