package org.stockroom.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.StockroomApplication;
import org.stockroom.Store;
import org.stockroom.catalog.NewProduct;
import org.stockroom.sales.PurchaseRequest;
import org.stockroom.sales.ReturnExceedsPurchaseException;
import org.stockroom.sales.ReturnRequest;
import org.stockroom.selfcheck.SelfCheckReport;
import org.stockroom.testing.TestDatabase;

/**
 * Any sequence of purchases, receipts, adjustments, stocktakes and returns, run against the real
 * store and a tiny model of it: the store refuses exactly what the model refuses, ends with the
 * model's stock and units sold, its ledger sums to its stock, and the self-check finds nothing.
 */
class LedgerProperties {

    private static final List<String> SKUS = List.of("P-0", "P-1", "P-2");
    private static final long OPENING = 5;

    private static ConfigurableApplicationContext context;

    sealed interface Op permits Buy, Receive, Adjust, Count, Return {}

    record Buy(int product, long quantity) implements Op {}

    record Receive(int product, long quantity) implements Op {}

    record Adjust(int product, long delta) implements Op {}

    record Count(int product, long counted) implements Op {}

    /** Returns {@code quantity} units of the n-th purchase made so far (modulo their number). */
    record Return(int nth, long quantity) implements Op {}

    private record Bought(String id, int product, long quantity) {}

    @BeforeContainer
    static void openStore() throws Exception {
        Path data = Files.createTempDirectory("stockroom-ledger-properties");
        context = new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--stockroom.data-dir=" + data,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.stockroom=ERROR",
                        "--spring.task.scheduling.enabled=false",
                        "--stockroom.actor=property");
    }

    @AfterContainer
    static void closeStore() {
        if (context != null) {
            context.close();
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> product = Arbitraries.integers().between(0, SKUS.size() - 1);
        Arbitrary<Long> units = Arbitraries.longs().between(1, 6);
        Arbitrary<Op> buy = Combinators.combine(product, units).as(Buy::new);
        Arbitrary<Op> receive = Combinators.combine(product, units).as(Receive::new);
        Arbitrary<Op> adjust = Combinators.combine(
                        product, Arbitraries.longs().between(-6, 6).filter(d -> d != 0))
                .as(Adjust::new);
        Arbitrary<Op> count =
                Combinators.combine(product, Arbitraries.longs().between(0, 9)).as(Count::new);
        Arbitrary<Op> giveBack = Combinators.combine(
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.longs().between(1, 4))
                .as(Return::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, buy),
                        net.jqwik.api.Tuple.of(2, receive),
                        net.jqwik.api.Tuple.of(2, adjust),
                        net.jqwik.api.Tuple.of(1, count),
                        net.jqwik.api.Tuple.of(3, giveBack))
                .list()
                .ofMinSize(1)
                .ofMaxSize(30);
    }

    @Property(tries = 60)
    void stockIsTheSumOfMovementsAndUnitsSoldAreSalesMinusReturns(@ForAll("operations") List<Op> operations) {
        TestDatabase.wipe(context.getBean(DataSource.class));
        Store store = context.getBean(Store.class);
        long[] stock = new long[SKUS.size()];
        long[] sold = new long[SKUS.size()];
        for (int i = 0; i < SKUS.size(); i++) {
            store.addProduct(new NewProduct(
                    SKUS.get(i),
                    "Product " + i,
                    new BigDecimal("3.50"),
                    OPENING,
                    2L,
                    new BigDecimal("2.00"),
                    null,
                    null,
                    null,
                    null));
            stock[i] = OPENING;
        }
        List<Bought> purchases = new ArrayList<>();
        Map<String, Long> returned = new java.util.HashMap<>();
        long revenue = 0;

        for (Op op : operations) {
            if (op instanceof Buy b) {
                boolean possible = b.quantity() <= stock[b.product()];
                try {
                    String id = store.purchase(
                                    PurchaseRequest.of(null, Map.of(SKUS.get(b.product()), b.quantity())), null)
                            .purchase()
                            .id();
                    assertThat(possible).as("bought %s", b).isTrue();
                    purchases.add(new Bought(id, b.product(), b.quantity()));
                    stock[b.product()] -= b.quantity();
                    sold[b.product()] += b.quantity();
                    revenue += 350 * b.quantity();
                } catch (InsufficientStockException e) {
                    assertThat(possible).as("refused %s", b).isFalse();
                }
            } else if (op instanceof Receive r) {
                store.receive(SKUS.get(r.product()), r.quantity(), null);
                stock[r.product()] += r.quantity();
            } else if (op instanceof Adjust a) {
                boolean possible = stock[a.product()] + a.delta() >= 0;
                try {
                    Movement m = store.adjust(
                            SKUS.get(a.product()), new Adjustment(a.delta(), null, AdjustmentReason.OTHER, null));
                    assertThat(possible).as("adjusted %s", a).isTrue();
                    stock[a.product()] += a.delta();
                    assertThat(m.balanceAfter()).isEqualTo(stock[a.product()]);
                } catch (InsufficientStockException e) {
                    assertThat(possible).as("refused %s", a).isFalse();
                }
            } else if (op instanceof Count c) {
                Movement m = store.adjust(
                        SKUS.get(c.product()), new Adjustment(null, c.counted(), AdjustmentReason.COUNT, null));
                assertThat(m.delta()).isEqualTo(c.counted() - stock[c.product()]);
                stock[c.product()] = c.counted();
            } else if (op instanceof Return r && !purchases.isEmpty()) {
                Bought p = purchases.get(r.nth() % purchases.size());
                boolean possible = returned.getOrDefault(p.id(), 0L) + r.quantity() <= p.quantity();
                try {
                    store.returnUnits(p.id(), ReturnRequest.of(Map.of(SKUS.get(p.product()), r.quantity()), null));
                    assertThat(possible).as("returned %s of %s", r, p).isTrue();
                    returned.merge(p.id(), r.quantity(), Long::sum);
                    stock[p.product()] += r.quantity();
                    sold[p.product()] -= r.quantity();
                    revenue -= 350 * r.quantity();
                } catch (ReturnExceedsPurchaseException e) {
                    assertThat(possible).as("refused %s of %s", r, p).isFalse();
                }
            }
        }

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (int i = 0; i < SKUS.size(); i++) {
            var product = store.product(SKUS.get(i));
            assertThat(product.stock()).as("stock of %s", SKUS.get(i)).isEqualTo(stock[i]);
            assertThat(product.unitsSold()).as("units sold of %s", SKUS.get(i)).isEqualTo(sold[i]);
            assertThat(jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku")
                            .param("sku", SKUS.get(i))
                            .query(Long.class)
                            .single())
                    .as("ledger of %s", SKUS.get(i))
                    .isEqualTo(stock[i]);
        }
        var report = store.salesReport(null, null);
        assertThat(report.totals().revenue().movePointRight(2).longValueExact())
                .as("net revenue in cents")
                .isEqualTo(revenue);
        assertThat(report.totals().units())
                .isEqualTo(java.util.Arrays.stream(sold).sum());
        SelfCheckReport verify = store.verify();
        assertThat(verify.discrepancies()).isEmpty();
        assertThat(verify.ok()).isTrue();
    }
}
