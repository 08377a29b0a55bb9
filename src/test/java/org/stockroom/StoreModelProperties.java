package org.stockroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.alerts.Alert;
import org.stockroom.alerts.AlertStatus;
import org.stockroom.catalog.NewProduct;
import org.stockroom.catalog.Product;
import org.stockroom.catalog.ProductChanges;
import org.stockroom.http.Statuses;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.support.DomainException;
import org.stockroom.testing.TestDatabase;

/**
 * Random sequences of operations run against the real Store (Spring context, SQLite file) and
 * against a model of a few lines, compared after every step: stock, units sold, threshold,
 * archived, open alerts and their levels, how many alerts each product has had, and the code of
 * every refusal. After every step the invariants hold: stock is never negative, stock plus units
 * sold is the opening stock plus receipts, and the ledger sums to the stock.
 */
class StoreModelProperties {

    private static final List<String> SKUS = List.of("A-1", "B-2", "C-3", "D-4");
    private static final String GHOST = "GHOST-9";

    /** jqwik does not run Spring's test extension, so one context without a web server is started for all tries. */
    private static final class Context {
        static final ConfigurableApplicationContext SPRING = start();

        private static ConfigurableApplicationContext start() {
            Path dir;
            try {
                dir = Files.createTempDirectory("stockroom-model");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(StockroomApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(
                            "--stockroom.data-dir=" + dir,
                            "--spring.main.banner-mode=off",
                            "--spring.task.scheduling.enabled=false",
                            "--logging.level.org.stockroom.alerts=ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // A temporary directory left behind is harmless.
                }
            }));
            return context;
        }
    }

    private final Store store = Context.SPRING.getBean(Store.class);
    private final DataSource dataSource = Context.SPRING.getBean(DataSource.class);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @BeforeTry
    void emptyStore() {
        TestDatabase.wipe(dataSource);
    }

    @Property(tries = 50)
    void theStoreBehavesLikeItsModel(@ForAll("operations") List<Op> operations) {
        Model model = new Model();
        for (Op op : operations) {
            String expected = op.expectFrom(model);
            String actual = run(op);
            assertThat(actual).as("outcome of %s", op).isEqualTo(expected);
            Statistics.label("outcomes").collect(op.getClass().getSimpleName(), actual.replaceAll(" [\\[A-Z].*", ""));
            compare(model, op);
        }
    }

    /** What the store answered: "ok" (with the lines sold), or the refusal's status, code and SKUs at fault. */
    private String run(Op op) {
        try {
            return op.runOn(store);
        } catch (InsufficientStockException e) {
            return Statuses.of(e) + " " + e.code() + " "
                    + e.shortages().stream()
                            .map(s -> s.sku() + ":" + s.requested() + "/" + s.available())
                            .sorted()
                            .collect(Collectors.joining(","));
        } catch (DomainException e) {
            Object skus = e.properties().get("skus");
            return Statuses.of(e) + " " + e.code() + (skus == null ? "" : " " + new TreeSet<>((List<?>) skus));
        }
    }

    private void compare(Model model, Op op) {
        Map<String, String> expectedAlerts = new TreeMap<>();
        for (var entry : model.products.entrySet()) {
            String sku = entry.getKey();
            ModelProduct m = entry.getValue();
            Product p = store.product(sku);
            assertThat(p.stock())
                    .as("stock of %s after %s", sku, op)
                    .isEqualTo(m.stock)
                    .isNotNegative();
            assertThat(p.unitsSold()).as("units sold of %s after %s", sku, op).isEqualTo(m.sold);
            assertThat(p.reorderThreshold()).as("threshold of %s", sku).isEqualTo(m.threshold);
            assertThat(p.archived()).as("archived %s", sku).isEqualTo(m.archived);
            assertThat(p.stock() + p.unitsSold())
                    .as("stock + units sold of %s", sku)
                    .isEqualTo(m.opening + m.received);
            assertThat(ledgerSum(sku)).as("ledger of %s after %s", sku, op).isEqualTo(p.stock());
            assertThat(alertsEver(sku))
                    .as("alerts ever raised for %s after %s", sku, op)
                    .isEqualTo(m.alertsRaised);
            if (m.alertOpen()) {
                expectedAlerts.put(sku, m.stock == 0 ? "OUT" : "LOW");
            }
        }
        Map<String, String> open = new TreeMap<>();
        for (Alert alert : store.alerts(AlertStatus.OPEN)) {
            assertThat(open.put(alert.sku(), alert.level().name()))
                    .as("one open alert per product")
                    .isNull();
        }
        assertThat(open).as("open alerts after %s", op).isEqualTo(expectedAlerts);
    }

    private long ledgerSum(String sku) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    private long alertsEver(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM restock_alert WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    // ---- the model ----

    private static final class ModelProduct {
        final long opening;
        long stock;
        long threshold;
        long sold;
        long received;
        boolean archived;
        long alertsRaised;

        ModelProduct(long stock, long threshold) {
            this.opening = stock;
            this.stock = stock;
            this.threshold = threshold;
        }

        boolean alertOpen() {
            return !archived && stock <= threshold;
        }
    }

    static final class Model {
        final Map<String, ModelProduct> products = new HashMap<>();

        String add(Add a) {
            if (products.containsKey(a.sku())) {
                return "409 duplicate-sku";
            }
            ModelProduct p = new ModelProduct(a.stock(), a.threshold());
            products.put(a.sku(), p);
            return followAlert(p, false);
        }

        String receive(Receive r) {
            return change(r.sku(), p -> {
                if (p.archived) {
                    return "422 product-archived [" + r.sku() + "]";
                }
                p.stock += r.quantity();
                p.received += r.quantity();
                return "ok";
            });
        }

        String threshold(Threshold t) {
            return change(t.sku(), p -> {
                p.threshold = t.threshold();
                return "ok";
            });
        }

        String archive(String sku, boolean archived) {
            return change(sku, p -> {
                p.archived = archived;
                return "ok";
            });
        }

        private String change(String sku, java.util.function.Function<ModelProduct, String> f) {
            ModelProduct p = products.get(sku);
            if (p == null) {
                return "404 unknown-sku [" + sku + "]";
            }
            boolean wasOpen = p.alertOpen();
            String outcome = f.apply(p);
            followAlert(p, wasOpen);
            return outcome;
        }

        /** An alert is raised each time a product starts needing restock; it stays one alert while it needs it. */
        private String followAlert(ModelProduct p, boolean wasOpen) {
            if (!wasOpen && p.alertOpen()) {
                p.alertsRaised++;
            }
            return "ok";
        }

        String buy(Buy b) {
            Map<String, Long> wanted = new TreeMap<>();
            b.lines().forEach(l -> wanted.merge(l.sku(), l.quantity(), Long::sum));
            Set<String> unknown = new TreeSet<>();
            Set<String> archived = new TreeSet<>();
            List<String> shortages = new ArrayList<>();
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                if (p == null) {
                    unknown.add(sku);
                } else if (p.archived) {
                    archived.add(sku);
                } else if (p.stock < quantity) {
                    shortages.add(sku + ":" + quantity + "/" + p.stock);
                }
            });
            if (!unknown.isEmpty()) {
                return "422 unknown-sku " + unknown;
            }
            if (!archived.isEmpty()) {
                return "422 product-archived " + archived;
            }
            if (!shortages.isEmpty()) {
                return "409 insufficient-stock " + shortages.stream().sorted().collect(Collectors.joining(","));
            }
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                p.stock -= quantity;
                p.sold += quantity;
                followAlert(p, wasOpen);
            });
            return "ok "
                    + wanted.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(","));
        }
    }

    // ---- the operations ----

    /** One step: what it does to the store, and what the model says it should answer. */
    interface Op {
        String runOn(Store store);

        String expectFrom(Model model);
    }

    record Add(String sku, long stock, long threshold) implements Op {
        public String runOn(Store store) {
            store.addProduct(new NewProduct(
                    sku, "Product " + sku, new BigDecimal("2.50"), stock, threshold, null, null, null, null, null));
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.add(this);
        }
    }

    record Line(String sku, long quantity) {}

    record Buy(List<Line> lines) implements Op {
        public String runOn(Store store) {
            Purchase p = store.purchase(
                            new PurchaseRequest(
                                    null,
                                    lines.stream()
                                            .map(l -> new PurchaseRequest.Line(l.sku(), l.quantity()))
                                            .toList()),
                            null)
                    .purchase();
            return "ok "
                    + p.lines().stream().map(l -> l.sku() + "=" + l.quantity()).collect(Collectors.joining(","));
        }

        public String expectFrom(Model model) {
            return model.buy(this);
        }
    }

    record Receive(String sku, long quantity) implements Op {
        public String runOn(Store store) {
            store.receive(sku, quantity, null);
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.receive(this);
        }
    }

    record Threshold(String sku, long threshold) implements Op {
        public String runOn(Store store) {
            store.updateProduct(sku, ProductChanges.none().withReorderThreshold(threshold));
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.threshold(this);
        }
    }

    record Archive(String sku) implements Op {
        public String runOn(Store store) {
            store.archive(sku);
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.archive(sku, true);
        }
    }

    record Restore(String sku) implements Op {
        public String runOn(Store store) {
            store.restore(sku);
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.archive(sku, false);
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> known = Arbitraries.of(SKUS);
        Arbitrary<String> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, known), net.jqwik.api.Tuple.of(1, Arbitraries.just(GHOST)));
        Arbitrary<Op> add = Combinators.combine(
                        known,
                        Arbitraries.longs().between(0, 15),
                        Arbitraries.longs().between(0, 6))
                .as(Add::new);
        Arbitrary<Line> line =
                Combinators.combine(any, Arbitraries.longs().between(1, 6)).as(Line::new);
        Arbitrary<Op> buy = line.list().ofMinSize(1).ofMaxSize(4).map(Buy::new);
        Arbitrary<Op> receive =
                Combinators.combine(any, Arbitraries.longs().between(1, 10)).as(Receive::new);
        Arbitrary<Op> threshold =
                Combinators.combine(any, Arbitraries.longs().between(0, 8)).as(Threshold::new);
        Arbitrary<Op> archive = any.map(Archive::new);
        Arbitrary<Op> restore = any.map(Restore::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, add),
                net.jqwik.api.Tuple.of(8, buy),
                net.jqwik.api.Tuple.of(3, receive),
                net.jqwik.api.Tuple.of(2, threshold),
                net.jqwik.api.Tuple.of(1, archive),
                net.jqwik.api.Tuple.of(1, restore));
        return op.list().ofMinSize(1).ofMaxSize(30);
    }
}
