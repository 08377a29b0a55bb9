package org.stockroom.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.stockroom.Store;
import org.stockroom.alerts.Alert;
import org.stockroom.catalog.BundleComponent;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.support.InvalidRequestException;
import org.stockroom.support.Page;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "products",
        mixinStandardHelpOptions = true,
        description = "List, add and show products.",
        subcommands = {
            ProductsCommand.ListProducts.class,
            ProductsCommand.AddProduct.class,
            ProductsCommand.ShowProduct.class
        })
class ProductsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The catalog as a table (active products unless --archived).")
    static class ListProducts extends StoreCommand {

        @Option(names = "--q", paramLabel = "TEXT", description = "Only products whose SKU or name contains TEXT.")
        String q;

        @Option(names = "--low-stock", description = "Only products at or below their reorder threshold.")
        boolean lowStock;

        @Option(names = "--archived", description = "Archived products instead of active ones.")
        boolean archived;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        /** A product as {@code --json} lists it: its fields, and the units on sent purchase orders. */
        record Listed(@JsonUnwrapped Product product, long incoming) {}

        @Override
        int run(StoreSession session, PrintWriter out) {
            Store store = session.store();
            Page<Product> page = store.products(new ProductQuery(q, lowStock, archived, "sku", 0, 500));
            Map<String, Long> incoming = store.purchasing()
                    .incoming(page.items().stream().map(p -> p.sku().value()).toList());
            if (json) {
                Output.json(
                        out,
                        page.map(
                                p -> new Listed(p, incoming.getOrDefault(p.sku().value(), 0L))));
                return 0;
            }
            var currency = session.bean(StockroomProperties.class).currency();
            Table table = new Table(
                            "SKU", "NAME", "PRICE", "STOCK", "AVAILABLE", "INCOMING", "THRESHOLD", "SOLD", "STATUS")
                    .right(2, 3, 4, 5, 6, 7);
            for (Product p : page.items()) {
                table.row(
                        p.sku(),
                        p.name(),
                        Output.money(p.price(), currency),
                        p.stock(),
                        p.available(),
                        incoming.getOrDefault(p.sku().value(), 0L),
                        p.reorderThreshold(),
                        p.unitsSold(),
                        Output.status(p.available(), p.needsRestock()));
            }
            table.print(out);
            if (page.total() > page.items().size()) {
                out.println("(" + page.items().size() + " of " + page.total() + " shown; narrow with --q)");
            }
            return 0;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Adds a product to the catalog.",
            footer = {
                "",
                "Example: stockroom products add --sku MOU-WL --name 'Wireless Mouse' --price 24.99 --stock 40 --threshold 10",
                "A bundle: stockroom products add --sku GIFT --name 'Gift set' --price 15 --threshold 2 --component MUG:2 --component COASTER:1"
            })
    static class AddProduct extends StoreCommand {

        @Option(names = "--sku", required = true, description = "Stock-keeping unit: 1 to 64 of A-Z a-z 0-9 . _ -")
        String sku;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "Selling price, e.g. 24.99.")
        BigDecimal price;

        @Option(
                names = "--stock",
                paramLabel = "UNITS",
                description = "Units on hand now (required, except for a bundle, which holds none).")
        Long stock;

        @Option(
                names = "--component",
                paramLabel = "SKU:QTY",
                description = "Makes the product a bundle of QTY units of SKU each (repeat for each component); "
                        + "its stock is what its components allow, and selling it takes them.")
        List<String> components = new ArrayList<>();

        @Option(
                names = "--threshold",
                required = true,
                paramLabel = "UNITS",
                description = "Restock threshold: at this stock or below the product needs restocking.")
        Long threshold;

        @Option(names = "--cost", paramLabel = "AMOUNT", description = "What one unit costs you (for margins).")
        BigDecimal cost;

        @Option(names = "--reorder-quantity", paramLabel = "UNITS", description = "How many units you usually reorder.")
        Long reorderQuantity;

        @Option(names = "--lead-time", paramLabel = "DAYS", description = "Days a reorder takes to arrive.")
        Integer leadTimeDays;

        @Option(names = "--supplier")
        String supplier;

        @Option(names = "--barcode")
        String barcode;

        @Option(
                names = "--image-url",
                paramLabel = "URL",
                description = "The http(s) address of a picture of it, shown as its thumbnail.")
        String imageUrl;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        private NewProduct product;

        @Override
        void beforeOpening() {
            List<BundleComponent> recipe = new ArrayList<>();
            try {
                for (String component : components) {
                    recipe.addAll(BundleComponent.parse(component));
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("--component", e.getMessage());
            }
            product = new NewProduct(
                    sku,
                    name,
                    price,
                    stock,
                    threshold,
                    cost,
                    reorderQuantity,
                    leadTimeDays,
                    supplier,
                    barcode,
                    null,
                    null,
                    null,
                    recipe,
                    imageUrl);
        }

        @Override
        int run(StoreSession session, PrintWriter out) {
            ShowProduct.print(out, session, session.store().addProduct(product), json);
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Every field of one product, and its open restock alert if any.")
    static class ShowProduct extends StoreCommand {

        /** A product as {@code --json} shows it; the product carries its own {@code needsRestock}. */
        record Details(Product product, long incoming, Alert openAlert) {}

        @Parameters(paramLabel = "SKU")
        String sku;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        int run(StoreSession session, PrintWriter out) {
            print(spec.commandLine().getOut(), session, session.store().product(sku), json);
            return 0;
        }

        static void print(PrintWriter out, StoreSession session, Product p, boolean json) {
            Alert alert = session.store().openAlerts().stream()
                    .filter(a -> a.sku().equals(p.sku().value()))
                    .findFirst()
                    .orElse(null);
            long incoming = session.store().purchasing().incoming(p.sku().value());
            if (json) {
                Output.json(out, new Details(p, incoming, alert));
                return;
            }
            StockroomProperties properties = session.bean(StockroomProperties.class);
            Currency currency = properties.currency();
            ZoneId zone = properties.timezone();
            Table table = new Table("FIELD", "VALUE");
            table.row("SKU", p.sku());
            table.row("Name", p.name());
            table.row("Price", Output.money(p.price(), currency));
            table.row("In stock", p.stock() + (p.isBundle() ? " (bundle: what its components allow)" : ""));
            if (p.isBundle()) {
                table.row("Components", BundleComponent.format(p.components()));
            }
            table.row("Reserved", p.reserved());
            table.row("Available", p.available());
            table.row("Backordered", p.backordered());
            table.row("Incoming", incoming + (incoming > 0 ? " (on sent purchase orders)" : ""));
            table.row("Restock threshold", p.reorderThreshold());
            table.row("Status", p.outOfStock() ? "OUT: sold out" : p.needsRestock() ? "LOW: needs restocking" : "ok");
            table.row("Units sold", p.unitsSold());
            table.row("Cost", p.cost() == null ? "-" : Output.money(p.cost(), currency));
            table.row("Reorder quantity", p.reorderQuantity() == null ? "-" : p.reorderQuantity());
            table.row("Lead time", p.leadTimeDays() == null ? "-" : p.leadTimeDays() + " days");
            table.row("Supplier", p.supplier() == null ? "-" : p.supplier());
            table.row("Barcode", p.barcode() == null ? "-" : p.barcode());
            table.row("Image", p.imageUrl() == null ? "-" : p.imageUrl());
            table.row("Archived", p.archived() ? "yes" : "no");
            table.row("Created", Output.time(p.createdAt(), zone));
            table.row("Updated", Output.time(p.updatedAt(), zone));
            table.row(
                    "Open alert",
                    alert == null
                            ? "none"
                            : "#" + alert.id() + " " + alert.level() + " since " + Output.time(alert.raisedAt(), zone)
                                    + (alert.acknowledgedAt() == null
                                            ? ", not acknowledged"
                                            : ", acknowledged " + Output.time(alert.acknowledgedAt(), zone)));
            table.print(out);
        }
    }
}
