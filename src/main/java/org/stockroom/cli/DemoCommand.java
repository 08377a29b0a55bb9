package org.stockroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stockroom.Store;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertLevel;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductQuery;
import org.stockroom.reports.SalesReport;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.support.EmbeddedDatabaseEnvironment;
import org.stockroom.support.StockroomProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The seed's walkthrough: a store of laptops, mice and phones, a day of orders with restock alerts
 * and one refusal, then the inventory and the sales summary. It runs through the same Store and
 * SQL as the server, on a database in a temporary directory that is deleted however the demo ends.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "A guided day in a small online shop, on a throwaway database: products, orders, restock alerts,",
            "a refused order, the closing inventory and the sales summary. Leaves nothing on disk."
        })
class DemoCommand implements Callable<Integer> {

    record Item(String sku, String name, String price, String cost, long stock, long threshold) {}

    record Order(String reference, Map<String, Long> lines) {}

    record Delivery(String sku, long quantity) {}

    static final List<Item> PRODUCTS = List.of(
            new Item("LAP-AIR13", "Featherlight 13 Laptop", "899.00", "610.00", 12, 3),
            new Item("LAP-PRO15", "ProBook 15 Laptop", "1299.00", "905.00", 6, 2),
            new Item("LAP-GAME17", "Titan 17 Gaming Laptop", "1899.00", "1390.00", 3, 1),
            new Item("MOU-WL", "Wireless Mouse", "24.99", "9.50", 40, 10),
            new Item("MOU-ERGO", "Ergonomic Vertical Mouse", "49.99", "21.00", 15, 5),
            new Item("MOU-GAME", "RGB Gaming Mouse", "59.99", "27.50", 8, 3),
            new Item("PHN-NOVA6", "Nova 6 Smartphone", "399.00", "265.00", 20, 5),
            new Item("PHN-NOVA6P", "Nova 6 Pro Smartphone", "799.00", "560.00", 9, 3),
            new Item("PHN-FOLD", "Nova Fold", "1499.00", "1080.00", 4, 2));

    static final List<Order> ORDERS = List.of(
            order("Order #1001", "LAP-AIR13", 1, "MOU-WL", 1),
            order("Order #1002", "PHN-NOVA6", 2, "MOU-WL", 3),
            order("Order #1003", "LAP-PRO15", 4, "MOU-ERGO", 4),
            order("Order #1004", "PHN-FOLD", 2),
            order("Order #1005", "LAP-GAME17", 3, "MOU-GAME", 5),
            order("Order #1006", "LAP-PRO15", 3, "MOU-WL", 1, "PHN-FOLD", 5),
            order("Order #1007", "LAP-PRO15", 2, "PHN-NOVA6P", 1));

    static final Delivery DELIVERY = new Delivery("LAP-GAME17", 5);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("stockroom-demo-");
        Thread cleanup = new Thread(() -> delete(dir));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            heading(out, "Stockroom demo: a day in a small online shop", '=');
            out.println(
                    "Stockroom keeps your stock honest: every sale takes stock down at once, no order is ever sold");
            out.println("from stock you do not have, and you hear the moment a product runs low.");
            out.println("This demo works on a throwaway database in " + dir + ", deleted when it ends.");
            out.flush();
            // The URL is given explicitly so that a configured production database is never touched,
            // and alert email is off so that the demo's alerts never reach the shop's real inbox.
            try (StoreSession session = StoreSession.openNew(
                    dir,
                    "--spring.datasource.url=" + EmbeddedDatabaseEnvironment.sqliteUrl(dir),
                    "--stockroom.alerts.email.to=")) {
                new Walkthrough(
                                session.store(),
                                session.bean(StockroomProperties.class).currency(),
                                out)
                        .run();
            }
        } finally {
            delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway and finds nothing left to delete.
            }
        }
        out.println();
        out.println("That was the tour; the demo's database has been deleted. To run your own shop:");
        out.println("  ./stockroom serve                 web UI and JSON API on http://localhost:8080");
        out.println("  ./stockroom products add --help   add your first product from the command line");
        out.flush();
        return 0;
    }

    private static final class Walkthrough {

        private final Store store;
        private final Currency currency;
        private final PrintWriter out;
        private final Map<String, String> names =
                PRODUCTS.stream().collect(Collectors.toMap(Item::sku, Item::name, (a, b) -> a, LinkedHashMap::new));

        Walkthrough(Store store, Currency currency, PrintWriter out) {
            this.store = store;
            this.currency = currency;
            this.out = out;
        }

        void run() {
            PRODUCTS.forEach(p -> store.addProduct(new NewProduct(
                    p.sku(),
                    p.name(),
                    new BigDecimal(p.price()),
                    p.stock(),
                    p.threshold(),
                    new BigDecimal(p.cost()),
                    null,
                    null,
                    null,
                    null)));
            out.println();
            heading(out, "1. The shop opens", '-');
            out.println(PRODUCTS.size()
                    + " products in three ranges: laptops, mice and phones. Each has a restock threshold:");
            out.println("when its stock falls to that number or below, Stockroom raises a restock alert.");
            out.println();
            inventory(false);

            out.println();
            heading(out, "2. The day's orders", '-');
            out.println("Each order is taken whole or not at all. Restock alerts are shown the moment they fire.");
            ORDERS.forEach(this::take);

            out.println();
            heading(out, "3. A delivery arrives", '-');
            receive(DELIVERY);

            out.println();
            heading(out, "4. Closing time: the inventory", '-');
            inventory(true);
            out.println();
            openAlerts();

            out.println();
            heading(out, "5. Sales summary", '-');
            sales();
        }

        private void take(Order order) {
            out.println();
            out.println(order.reference() + ": " + describe(order.lines()));
            try {
                Purchase purchase = store.purchase(PurchaseRequest.of(order.reference(), order.lines()), null)
                        .purchase();
                out.println("  Sold for " + money(purchase.total()) + ".");
                purchase.alerts()
                        .forEach(a -> out.println("  >> RESTOCK ALERT: " + names.get(a.sku()) + " (" + a.sku() + ") "
                                + (a.level() == AlertLevel.OUT
                                        ? "is sold out"
                                        : "is running low: " + a.stock() + " left")
                                + ", restock at " + a.reorderThreshold() + "."));
            } catch (InsufficientStockException refused) {
                out.println("  REFUSED, not enough stock: "
                        + refused.shortages().stream()
                                .map(s -> names.get(s.sku()) + " (" + s.requested() + " wanted, " + s.available()
                                        + " left)")
                                .collect(Collectors.joining(" and "))
                        + ".");
                List<String> available = order.lines().keySet().stream()
                        .filter(sku -> refused.shortages().stream()
                                .noneMatch(s -> s.sku().equals(sku)))
                        .map(names::get)
                        .toList();
                out.println("  Nothing was sold"
                        + (available.isEmpty() ? "" : ", not even the " + String.join(" or the ", available))
                        + ": the stock is exactly as it was.");
            }
            out.flush();
        }

        private void receive(Delivery delivery) {
            boolean alertWasOpen = hasOpenAlert(delivery.sku());
            store.receive(delivery.sku(), delivery.quantity(), "demo delivery");
            Product product = store.product(delivery.sku());
            out.println(delivery.quantity() + " x " + product.name() + " arrive from the supplier: " + product.stock()
                    + " in stock now.");
            if (alertWasOpen && !hasOpenAlert(delivery.sku())) {
                out.println("That is above its restock threshold of " + product.reorderThreshold()
                        + ", so its restock alert is resolved.");
            }
            out.flush();
        }

        private boolean hasOpenAlert(String sku) {
            return store.openAlerts().stream().anyMatch(a -> a.sku().equals(sku));
        }

        private void inventory(boolean withSales) {
            List<Product> products = store.products(ProductQuery.all()).items();
            Table table = withSales
                    ? new Table("SKU", "PRODUCT", "PRICE", "IN STOCK", "RESTOCK AT", "SOLD", "STATUS").right(2, 3, 4, 5)
                    : new Table("SKU", "PRODUCT", "PRICE", "IN STOCK", "RESTOCK AT", "STATUS").right(2, 3, 4);
            for (Product p : products) {
                String status = p.outOfStock() ? "OUT - sold out" : p.needsRestock() ? "LOW - restock" : "ok";
                if (withSales) {
                    table.row(
                            p.sku(),
                            p.name(),
                            money(p.price()),
                            p.stock(),
                            p.reorderThreshold(),
                            p.unitsSold(),
                            status);
                } else {
                    table.row(p.sku(), p.name(), money(p.price()), p.stock(), p.reorderThreshold(), status);
                }
            }
            long inStock = products.stream().mapToLong(Product::stock).sum();
            if (withSales) {
                table.totals(
                        "Total",
                        products.size() + " products",
                        "",
                        inStock,
                        "",
                        products.stream().mapToLong(Product::unitsSold).sum(),
                        "");
            } else {
                table.totals("Total", products.size() + " products", "", inStock, "", "");
            }
            table.print(out);
        }

        private void openAlerts() {
            List<Alert> alerts = store.openAlerts().stream()
                    .sorted(Comparator.comparing(Alert::sku))
                    .toList();
            if (alerts.isEmpty()) {
                out.println("No product needs restocking.");
                return;
            }
            out.println("Open restock alerts, the shopping list for your suppliers:");
            out.println();
            Table table = new Table("SKU", "PRODUCT", "ALERT", "IN STOCK", "RESTOCK AT").right(3, 4);
            alerts.forEach(a -> table.row(
                    a.sku(),
                    a.name(),
                    a.level() == AlertLevel.OUT ? "OUT - sold out" : "LOW",
                    a.stock(),
                    a.reorderThreshold()));
            table.print(out);
        }

        private void sales() {
            SalesReport report = store.salesReport(null, null);
            SalesReport.Totals totals = report.totals();
            out.println(totals.purchases() + " orders sold " + totals.units() + " units for " + money(totals.revenue())
                    + ". Best sellers by revenue first; margin is revenue minus what the units cost you.");
            out.println();
            Table table = new Table("SKU", "PRODUCT", "UNITS SOLD", "REVENUE", "COST", "MARGIN").right(2, 3, 4, 5);
            report.products()
                    .forEach(p -> table.row(
                            p.sku(), p.name(), p.unitsSold(), money(p.revenue()), money(p.cost()), money(p.margin())));
            table.totals(
                    "Total", "", totals.units(), money(totals.revenue()), money(totals.cost()), money(totals.margin()));
            table.print(out);
        }

        private String describe(Map<String, Long> lines) {
            return lines.entrySet().stream()
                    .map(l -> l.getValue() + " x " + names.get(l.getKey()))
                    .collect(Collectors.joining(", "));
        }

        private String money(BigDecimal amount) {
            return Output.money(amount, currency);
        }
    }

    private static void heading(PrintWriter out, String title, char underline) {
        out.println(title);
        out.println(String.valueOf(underline).repeat(title.length()));
    }

    private static Order order(String reference, Object... skuQuantityPairs) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            lines.put((String) skuQuantityPairs[i], ((Integer) skuQuantityPairs[i + 1]).longValue());
        }
        return new Order(reference, lines);
    }

    /** Deletes the directory and everything in it (the database and SQLite's side files). */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the demo's database in " + dir, e);
        }
    }
}
