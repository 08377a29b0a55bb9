package org.stockroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.stockroom.Store;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.Page;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "products", mixinStandardHelpOptions = true, description = "List, add and show products.",
        subcommands = {ProductsCommand.ListProducts.class})
class ProductsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The catalog as a table (active products unless --archived).")
    static class ListProducts implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data = new DataOption();

        @Option(names = "--q", paramLabel = "TEXT", description = "Only products whose SKU or name contains TEXT.")
        String q;

        @Option(names = "--low-stock", description = "Only products at or below their reorder threshold.")
        boolean lowStock;

        @Option(names = "--archived", description = "Archived products instead of active ones.")
        boolean archived;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StoreSession session = data.open()) {
                Store store = session.store();
                Page<Product> page = store.products(new ProductQuery(q, lowStock, archived, "sku", 0, 500));
                if (json) {
                    Output.json(out, page);
                    return 0;
                }
                var currency = session.bean(StockroomProperties.class).currency();
                Table table = new Table("SKU", "NAME", "PRICE", "STOCK", "THRESHOLD", "SOLD", "STATUS").right(2, 3, 4, 5);
                for (Product p : page.items()) {
                    table.row(p.sku(), p.name(), Output.money(p.price(), currency), p.stock(), p.reorderThreshold(), p.unitsSold(),
                            p.outOfStock() ? "OUT" : p.needsRestock() ? "LOW" : "ok");
                }
                table.print(out);
                if (page.total() > page.items().size()) {
                    out.println("(" + page.items().size() + " of " + page.total() + " shown; narrow with --q)");
                }
                return 0;
            }
        }
    }
}
