package org.stockroom.cli;

import java.io.PrintWriter;
import org.stockroom.Store;
import org.stockroom.catalog.Product;
import org.stockroom.stock.Movement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "restock",
        mixinStandardHelpOptions = true,
        description =
                "Receives units from a supplier delivery; resolves the product's restock alert once it is above its threshold.")
class RestockCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "SKU", description = "The product received.")
    String sku;

    @Parameters(index = "1", paramLabel = "QTY", description = "How many units arrived.")
    long quantity;

    @Option(
            names = "--note",
            paramLabel = "N",
            description = "A note for the stock ledger, e.g. the delivery note number.")
    String note;

    @Option(names = "--json", description = "Print the ledger entry as JSON.")
    boolean json;

    @Override
    int run(StoreSession session, PrintWriter out) {
        Store store = session.store();
        Movement movement = store.receive(sku, quantity, note);
        if (json) {
            Output.json(out, movement);
            return 0;
        }
        Product product = store.product(sku);
        out.println("Received " + movement.delta() + " x " + product.name() + " (" + product.sku() + "): stock "
                + (movement.balanceAfter() - movement.delta()) + " -> " + movement.balanceAfter() + ".");
        if (product.needsRestock()) {
            out.println("Still at or below its restock threshold of " + product.reorderThreshold()
                    + ": its restock alert stays open.");
        }
        out.flush();
        return 0;
    }
}
