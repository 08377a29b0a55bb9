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
import org.stockroom.reservations.Reservation;
import org.stockroom.reservations.ReservationRequest;
import org.stockroom.sales.Purchase;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.support.DomainException;
import org.stockroom.testing.TestDatabase;

/**
 * Random sequences of operations (add, buy, receive, threshold, archive, restore, reserve, commit,
 * release, expire, and purchases allowing backorders) run against the real Store (Spring context,
 * SQLite file) and against a model of a few lines, compared after every step: stock, reserved,
 * backordered, units sold, threshold, archived, open alerts and their levels, how many alerts each
 * product has had, and the code of every refusal. After every step the invariants hold: stock >=
 * reserved >= 0; available = stock - reserved; reserved is the sum of the active holds and
 * backordered the sum of what open backorders owe (both recounted from their tables); the ledger
 * sums to the stock; and stock plus units sold less backordered is the opening stock plus receipts
 * (units owed are sold but have not left the shelf). Expiry is the sweeper's: the step moves a
 * reservation's expiry into the past, as time would, and runs the sweeper.
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

    /** The real ids of the reservations made in this try, in the order made (the model numbers them the same way). */
    static final List<String> RESERVATIONS = new ArrayList<>();

    @BeforeTry
    void emptyStore() {
        TestDatabase.wipe(dataSource);
        RESERVATIONS.clear();
    }

    /**
     * A sequence the random ones rarely reach: a hold ends (released, then expired) while its product
     * owes a backorder the hold made short; the units it gives back go to the backorder first.
     */
    @net.jqwik.api.Example
    void heldUnitsGivenBackGoToTheBackorderFirst() {
        theStoreBehavesLikeItsModel(List.of(
                new Add("A-1", 8, 0),
                new Reserve(List.of(new Line("A-1", 3))),
                new Reserve(List.of(new Line("A-1", 3))),
                new Backorder(List.of(new Line("A-1", 5))),
                new Release(0),
                new Expire(1),
                new Buy(List.of(new Line("A-1", 1)))));
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
            assertThat(p.reserved()).as("reserved of %s after %s", sku, op).isEqualTo(m.reserved);
            assertThat(p.reserved()).as("stock >= reserved >= 0 for %s", sku).isNotNegative();
            assertThat(p.stock()).as("stock >= reserved for %s", sku).isGreaterThanOrEqualTo(p.reserved());
            assertThat(p.available()).as("available of %s", sku).isEqualTo(p.stock() - p.reserved());
            assertThat(p.reserved())
                    .as("reserved of %s = its active holds", sku)
                    .isEqualTo(activeHolds(sku));
            assertThat(p.backordered())
                    .as("backordered of %s after %s", sku, op)
                    .isEqualTo(m.backordered())
                    .isEqualTo(openBackorders(sku));
            assertThat(p.reorderThreshold()).as("threshold of %s", sku).isEqualTo(m.threshold);
            assertThat(p.archived()).as("archived %s", sku).isEqualTo(m.archived);
            assertThat(p.stock() + p.unitsSold() - p.backordered())
                    .as("stock + units sold - backordered of %s", sku)
                    .isEqualTo(m.opening + m.received);
            assertThat(ledgerSum(sku)).as("ledger of %s after %s", sku, op).isEqualTo(p.stock());
            assertThat(alertsEver(sku))
                    .as("alerts ever raised for %s after %s", sku, op)
                    .isEqualTo(m.alertsRaised);
            if (m.alertOpen()) {
                expectedAlerts.put(sku, m.available() == 0 ? "OUT" : "LOW");
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

    private long activeHolds(String sku) {
        return jdbc.sql("SELECT COALESCE(SUM(l.quantity), 0) FROM reservation r JOIN reservation_line l "
                        + "ON l.reservation_id = r.id WHERE r.status = 'ACTIVE' AND l.sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    private long openBackorders(String sku) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(quantity - filled), 0) FROM backorder WHERE status = 'OPEN' AND sku = :sku")
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
        long reserved;
        /** What each open backorder still owes, oldest first. */
        final java.util.ArrayDeque<long[]> owed = new java.util.ArrayDeque<>();

        boolean archived;
        long alertsRaised;

        ModelProduct(long stock, long threshold) {
            this.opening = stock;
            this.stock = stock;
            this.threshold = threshold;
        }

        long available() {
            return stock - reserved;
        }

        long backordered() {
            return owed.stream().mapToLong(o -> o[0]).sum();
        }

        /** Units that became available go to the oldest backorders first. */
        void fill() {
            while (!owed.isEmpty() && available() > 0) {
                long[] oldest = owed.peekFirst();
                long units = Math.min(oldest[0], available());
                oldest[0] -= units;
                stock -= units;
                if (oldest[0] == 0) {
                    owed.removeFirst();
                }
            }
        }

        boolean alertOpen() {
            return !archived && available() <= threshold;
        }
    }

    /** A reservation as the model sees it. */
    static final class ModelReservation {
        final Map<String, Long> lines;
        String status = "ACTIVE";

        ModelReservation(Map<String, Long> lines) {
            this.lines = lines;
        }
    }

    static final class Model {
        final Map<String, ModelProduct> products = new HashMap<>();
        final List<ModelReservation> reservations = new ArrayList<>();

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
                p.fill();
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
            Map<String, Long> wanted = merged(b.lines());
            String refused = refusal(wanted, true);
            if (refused != null) {
                return refused;
            }
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                p.stock -= quantity;
                p.sold += quantity;
                followAlert(p, wasOpen);
            });
            return ok(wanted);
        }

        String reserve(Reserve r) {
            Map<String, Long> wanted = merged(r.lines());
            String refused = refusal(wanted, true);
            if (refused != null) {
                return refused;
            }
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                p.reserved += quantity;
                followAlert(p, wasOpen);
            });
            reservations.add(new ModelReservation(wanted));
            return "ok";
        }

        String commit(int n) {
            if (reservations.isEmpty()) {
                return "none";
            }
            ModelReservation r = reservations.get(n % reservations.size());
            switch (r.status) {
                case "COMMITTED":
                    return "ok";
                case "RELEASED", "EXPIRED":
                    return "409 reservation-not-active";
                default:
                    break;
            }
            Set<String> archived = new TreeSet<>();
            r.lines.keySet().stream().filter(sku -> products.get(sku).archived).forEach(archived::add);
            if (!archived.isEmpty()) {
                return "422 product-archived " + archived;
            }
            r.status = "COMMITTED";
            // A commit gives the holds back, then buys the same units: two alert transitions, as the
            // store makes them (a product that rises above its threshold in between has its alert
            // resolved and raised again).
            r.lines.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                p.reserved -= quantity;
                followAlert(p, wasOpen);
            });
            r.lines.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                p.stock -= quantity;
                p.sold += quantity;
                followAlert(p, wasOpen);
            });
            return "ok";
        }

        /** Release and expiry both end an active hold; a committed one refuses a release and ignores an expiry. */
        String end(int n, String as) {
            if (reservations.isEmpty()) {
                return "none";
            }
            ModelReservation r = reservations.get(n % reservations.size());
            if (r.status.equals("COMMITTED") && as.equals("RELEASED")) {
                return "409 reservation-not-active";
            }
            if (r.status.equals("ACTIVE")) {
                r.status = as;
                r.lines.forEach((sku, quantity) -> {
                    ModelProduct p = products.get(sku);
                    boolean wasOpen = p.alertOpen();
                    p.reserved -= quantity;
                    p.fill();
                    followAlert(p, wasOpen);
                });
            }
            return "ok";
        }

        String backorder(Backorder b) {
            Map<String, Long> wanted = merged(b.lines());
            String refused = refusal(wanted, false);
            if (refused != null) {
                return refused;
            }
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                boolean wasOpen = p.alertOpen();
                long taken = Math.min(p.available(), quantity);
                p.stock -= taken;
                p.sold += quantity;
                if (quantity > taken) {
                    p.owed.addLast(new long[] {quantity - taken});
                }
                followAlert(p, wasOpen);
            });
            return ok(wanted);
        }

        private static Map<String, Long> merged(List<Line> lines) {
            Map<String, Long> wanted = new TreeMap<>();
            lines.forEach(l -> wanted.merge(l.sku(), l.quantity(), Long::sum));
            return wanted;
        }

        private static String ok(Map<String, Long> wanted) {
            return "ok "
                    + wanted.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(","));
        }

        /** Why a take of {@code wanted} is refused (unknown, then archived, then short against available), or null. */
        private String refusal(Map<String, Long> wanted, boolean shortIsRefused) {
            Set<String> unknown = new TreeSet<>();
            Set<String> archived = new TreeSet<>();
            List<String> shortages = new ArrayList<>();
            wanted.forEach((sku, quantity) -> {
                ModelProduct p = products.get(sku);
                if (p == null) {
                    unknown.add(sku);
                } else if (p.archived) {
                    archived.add(sku);
                } else if (shortIsRefused && p.available() < quantity) {
                    shortages.add(sku + ":" + quantity + "/" + p.available());
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
            return null;
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

    record Reserve(List<Line> lines) implements Op {
        public String runOn(Store store) {
            Reservation r = store.reservations()
                    .reserve(
                            new ReservationRequest(
                                    null,
                                    lines.stream()
                                            .map(l -> new PurchaseRequest.Line(l.sku(), l.quantity()))
                                            .toList(),
                                    null),
                            null)
                    .reservation();
            RESERVATIONS.add(r.id());
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.reserve(this);
        }
    }

    record Commit(int n) implements Op {
        public String runOn(Store store) {
            if (RESERVATIONS.isEmpty()) {
                return "none";
            }
            store.reservations().commit(RESERVATIONS.get(n % RESERVATIONS.size()));
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.commit(n);
        }
    }

    record Release(int n) implements Op {
        public String runOn(Store store) {
            if (RESERVATIONS.isEmpty()) {
                return "none";
            }
            store.reservations().release(RESERVATIONS.get(n % RESERVATIONS.size()));
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.end(n, "RELEASED");
        }
    }

    /** Time passes for one reservation: its expiry moves into the past and the sweeper runs, as each second. */
    record Expire(int n) implements Op {
        public String runOn(Store store) {
            if (RESERVATIONS.isEmpty()) {
                return "none";
            }
            JdbcClient.create(Context.SPRING.getBean(DataSource.class))
                    .sql("UPDATE reservation SET expires_at = 0 WHERE id = :id AND status = 'ACTIVE'")
                    .param("id", RESERVATIONS.get(n % RESERVATIONS.size()))
                    .update();
            store.reservations().expireDue();
            return "ok";
        }

        public String expectFrom(Model model) {
            return model.end(n, "EXPIRED");
        }
    }

    /** A purchase allowing backorders (a sales channel's order): never short, only unknown or archived. */
    record Backorder(List<Line> lines) implements Op {
        public String runOn(Store store) {
            Purchase p = Context.SPRING
                    .getBean(org.stockroom.sales.Sales.class)
                    .purchaseAllowingBackorder(
                            new PurchaseRequest(
                                    null,
                                    lines.stream()
                                            .map(l -> new PurchaseRequest.Line(l.sku(), l.quantity()))
                                            .toList()),
                            null,
                            "Model shop")
                    .purchase();
            return "ok "
                    + p.lines().stream().map(l -> l.sku() + "=" + l.quantity()).collect(Collectors.joining(","));
        }

        public String expectFrom(Model model) {
            return model.backorder(this);
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
        Arbitrary<Op> reserve = line.list().ofMinSize(1).ofMaxSize(3).map(Reserve::new);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 20);
        Arbitrary<Op> backorder = line.list().ofMinSize(1).ofMaxSize(3).map(Backorder::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, add),
                net.jqwik.api.Tuple.of(6, buy),
                net.jqwik.api.Tuple.of(4, receive),
                net.jqwik.api.Tuple.of(2, threshold),
                net.jqwik.api.Tuple.of(1, archive),
                net.jqwik.api.Tuple.of(1, restore),
                net.jqwik.api.Tuple.of(4, reserve),
                net.jqwik.api.Tuple.of(2, which.map(Commit::new)),
                net.jqwik.api.Tuple.of(2, which.map(Release::new)),
                net.jqwik.api.Tuple.of(2, which.map(Expire::new)),
                net.jqwik.api.Tuple.of(4, backorder));
        // Every try starts with the catalog in place, so that the operations meet stock, holds and
        // backorders instead of mostly an unknown SKU; adding a product stays among them.
        Arbitrary<List<Op>> catalog = Combinators.combine(
                        Arbitraries.longs().between(0, 15).list().ofSize(SKUS.size()),
                        Arbitraries.longs().between(0, 6).list().ofSize(SKUS.size()))
                .as((stocks, thresholds) -> {
                    List<Op> adds = new ArrayList<>();
                    for (int i = 0; i < SKUS.size(); i++) {
                        adds.add(new Add(SKUS.get(i), stocks.get(i), thresholds.get(i)));
                    }
                    return adds;
                });
        return Combinators.combine(catalog, op.list().ofMinSize(10).ofMaxSize(40))
                .as((adds, ops) -> {
                    List<Op> all = new ArrayList<>(adds);
                    all.addAll(ops);
                    return all;
                });
    }
}
