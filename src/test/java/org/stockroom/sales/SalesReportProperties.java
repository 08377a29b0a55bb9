package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.StockroomApplication;
import org.stockroom.reports.Reports;
import org.stockroom.reports.SalesReport;
import org.stockroom.reports.SalesSort;
import org.stockroom.testing.TestDatabase;

/**
 * For random purchases and returns at random instants around daylight-saving changes, in zones
 * with odd offsets, the sales report's totals (read from the rollups) equal to the cent the sum
 * of the purchase lines minus the return lines whose instants fall in the range's calendar days,
 * both as each sale and return recorded them and after a rebuild from the stored lines.
 */
class SalesReportProperties {

    private static final List<String> ZONES = List.of(
            "UTC",
            "America/New_York",
            "Europe/London",
            "Asia/Kathmandu",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "America/St_Johns");
    private static final String[] SKUS = {"A", "B", "C"};
    /** 2026-02-20: the generated instants span about 60 days, across the March and April DST changes. */
    private static final long BASE = Instant.parse("2026-02-20T00:00:00Z").toEpochMilli();

    private static final long SPAN_MINUTES = 60L * 24 * 60;

    private static ConfigurableApplicationContext context;

    record Line(int product, long quantity) {}

    record Sale(long minute, List<Line> lines, long returnAfterMinutes, long returnedUnits) {}

    record Item(String sku, long price, Long cost) {}

    private static synchronized ConfigurableApplicationContext context() throws Exception {
        if (context == null) {
            context = new SpringApplicationBuilder(StockroomApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--stockroom.data-dir=" + Files.createTempDirectory("stockroom-properties"),
                            "--spring.main.banner-mode=off",
                            "--spring.task.scheduling.enabled=false",
                            "--logging.level.root=WARN");
        }
        return context;
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Provide
    Arbitrary<List<Item>> catalog() {
        Arbitrary<Long> price = Arbitraries.longs().between(1, 99_999).map(cents -> cents * 100);
        Arbitrary<Long> cost =
                Arbitraries.longs().between(0, 50_000).map(cents -> cents * 100).injectNull(0.3);
        return Combinators.combine(price, cost)
                .as((p, c) -> new long[] {p, c == null ? -1 : c})
                .list()
                .ofSize(SKUS.length)
                .map(rows -> {
                    List<Item> items = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        items.add(new Item(SKUS[i], rows.get(i)[0], rows.get(i)[1] < 0 ? null : rows.get(i)[1]));
                    }
                    return items;
                });
    }

    @Provide
    Arbitrary<List<Sale>> sales() {
        Arbitrary<Line> line = Combinators.combine(
                        Arbitraries.integers().between(0, SKUS.length - 1),
                        Arbitraries.longs().between(1, 9))
                .as(Line::new);
        Arbitrary<Sale> sale = Combinators.combine(
                        Arbitraries.longs().between(0, SPAN_MINUTES),
                        line.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.longs().between(0, 20 * 24 * 60),
                        Arbitraries.longs().between(0, 3))
                .as(Sale::new);
        return sale.list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> zone() {
        return Arbitraries.of(ZONES);
    }

    @Provide
    Arbitrary<LocalDate> day() {
        return Arbitraries.integers()
                .between(-3, 85)
                .map(d -> LocalDate.of(2026, 2, 20).plusDays(d))
                .injectNull(0.2);
    }

    @Property(tries = 40)
    void totalsEqualPurchasesMinusReturnsInTheRangesCalendarDaysAsRecordedAndAfterARebuild(
            @ForAll("zone") String zoneId,
            @ForAll("catalog") List<Item> items,
            @ForAll("sales") List<Sale> sales,
            @ForAll boolean withReturns,
            @ForAll("day") LocalDate a,
            @ForAll("day") LocalDate b)
            throws Exception {
        ZoneId zone = ZoneId.of(zoneId);
        LocalDate from = a != null && b != null && b.isBefore(a) ? b : a;
        LocalDate to = a != null && b != null && b.isBefore(a) ? a : b;
        ConfigurableApplicationContext app = context();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        SalesRollup rollup = app.getBean(SalesRollup.class);
        TestDatabase.wipe(app.getBean(javax.sql.DataSource.class));
        for (Item item : items) {
            jdbc.sql(
                            "INSERT INTO product (sku, name, name_key, price, stock, reorder_threshold, cost, created_at, updated_at) "
                                    + "VALUES (:sku, :sku, :sku, :price, 0, 0, :cost, 0, 0)")
                    .param("sku", item.sku())
                    .param("price", item.price())
                    .param("cost", item.cost())
                    .update();
        }

        long start = from == null
                ? Long.MIN_VALUE
                : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to == null
                ? Long.MAX_VALUE
                : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Map<String, long[]> expected = new HashMap<>();
        long expectedPurchases = 0;
        int n = 0;
        for (Sale sale : sales) {
            long at = BASE + sale.minute() * 60_000;
            List<SalesRollup.Line> lines = new ArrayList<>();
            for (Line l : sale.lines()) {
                Item item = items.get(l.product());
                lines.add(new SalesRollup.Line(item.sku(), l.quantity(), item.price(), item.cost()));
            }
            String id = "p" + (n++);
            app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
                insertPurchase(jdbc, id, at, lines);
                rollup.record(zone, at, lines, 1, true);
            });
            if (at >= start && at < end) {
                expectedPurchases++;
                for (SalesRollup.Line l : lines) {
                    add(expected, l, 1);
                }
            }
            SalesRollup.Line first = lines.get(0);
            long returned = withReturns ? Math.min(sale.returnedUnits(), first.quantity()) : 0;
            if (returned > 0) {
                long returnedAt = at + sale.returnAfterMinutes() * 60_000;
                SalesRollup.Line back =
                        new SalesRollup.Line(first.sku(), returned, first.unitPrice(), first.unitCost());
                app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
                    insertReturn(jdbc, "r" + id, id, returnedAt, back);
                    rollup.record(zone, returnedAt, List.of(back), -1, false);
                });
                if (returnedAt >= start && returnedAt < end) {
                    add(expected, back, -1);
                }
            }
        }

        SalesReport report = app.getBean(Reports.class).sales(from, to, SalesSort.REVENUE, null);
        assertTotals(report, expected, expectedPurchases);

        // A rebuild reads the purchase and return lines themselves: it must give the same report.
        app.getBean(TransactionTemplate.class).executeWithoutResult(s -> rollup.rebuild(zone));
        SalesReport rebuilt = app.getBean(Reports.class).sales(from, to, SalesSort.REVENUE, null);
        assertTotals(rebuilt, expected, expectedPurchases);
        assertThat(rebuilt).isEqualTo(report);
    }

    /**
     * A range over most of the history is read as all time less the months outside it; it lists
     * the same products as any range: those with a sale or return in it, one that sold and was
     * returned there (netting to zero, its all-time sums equal to those outside) included, one that
     * sold only outside it left out.
     */
    @Example
    void aRangeOverMostOfTheHistoryListsWhatSoldInItEvenWhenItNettedToZero() throws Exception {
        ConfigurableApplicationContext app = context();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        SalesRollup rollup = app.getBean(SalesRollup.class);
        TestDatabase.wipe(app.getBean(javax.sql.DataSource.class));
        for (String sku : List.of("OUTSIDE", "NETS-ZERO", "SOLD", "RETURNED", "LAST")) {
            jdbc.sql(
                            "INSERT INTO product (sku, name, name_key, price, stock, reorder_threshold, cost, created_at, updated_at) "
                                    + "VALUES (:sku, :sku, :sku, 10000, 0, 0, 5000, 0, 0)")
                    .param("sku", sku)
                    .update();
        }
        ZoneId utc = ZoneId.of("UTC");
        record Event(String id, String sku, String at, long quantity, int sign) {}
        List<Event> events = List.of(
                new Event("p1", "OUTSIDE", "2026-01-10T10:00:00Z", 3, 1),
                new Event("p2", "RETURNED", "2026-01-15T10:00:00Z", 2, 1),
                new Event("p6", "NETS-ZERO", "2026-01-20T10:00:00Z", 1, 1),
                new Event("p3", "SOLD", "2026-02-10T10:00:00Z", 2, 1),
                new Event("r2", "RETURNED", "2026-03-03T10:00:00Z", 1, -1),
                new Event("p4", "NETS-ZERO", "2026-03-05T10:00:00Z", 4, 1),
                new Event("r4", "NETS-ZERO", "2026-03-06T10:00:00Z", 4, -1),
                new Event("p5", "LAST", "2026-06-20T10:00:00Z", 1, 1));
        for (Event e : events) {
            long at = Instant.parse(e.at()).toEpochMilli();
            SalesRollup.Line line = new SalesRollup.Line(e.sku(), e.quantity(), 10000, 5000L);
            app.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                if (e.sign() > 0) {
                    insertPurchase(jdbc, e.id(), at, List.of(line));
                } else {
                    insertReturn(jdbc, e.id(), "p" + e.id().substring(1), at, line);
                }
                rollup.record(utc, at, List.of(line), e.sign(), e.sign() > 0);
            });
        }

        // February to June: five of the six months that sold.
        for (boolean rebuilt : new boolean[] {false, true}) {
            if (rebuilt) {
                app.getBean(TransactionTemplate.class).executeWithoutResult(status -> rollup.rebuild(utc));
            }
            SalesReport report = app.getBean(Reports.class)
                    .sales(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 6, 30), SalesSort.REVENUE, null);
            Map<String, Long> units = new HashMap<>();
            report.products().forEach(p -> units.put(p.sku(), p.unitsSold()));
            assertThat(units)
                    .as(rebuilt ? "after a rebuild" : "as recorded")
                    .isEqualTo(Map.of("SOLD", 2L, "RETURNED", -1L, "NETS-ZERO", 0L, "LAST", 1L));
            assertThat(report.totals().units()).isEqualTo(2);
        }
    }

    private static void assertTotals(SalesReport report, Map<String, long[]> expected, long expectedPurchases) {
        long units = expected.values().stream().mapToLong(v -> v[0]).sum();
        long revenue = expected.values().stream().mapToLong(v -> v[1]).sum();
        long cost = expected.values().stream().mapToLong(v -> v[2]).sum();
        assertThat(report.totals().purchases()).isEqualTo(expectedPurchases);
        assertThat(report.totals().units()).isEqualTo(units);
        assertThat(report.totals().revenue()).isEqualTo(cents(revenue));
        // Units of unknown cost make a cost unknown unless returns of the same units cancel them exactly.
        boolean anyUnknownCost = expected.values().stream().anyMatch(v -> v[3] != 0);
        if (anyUnknownCost) {
            assertThat(report.totals().cost()).isNull();
        } else {
            assertThat(report.totals().cost()).isEqualTo(cents(cost));
            assertThat(report.totals().margin()).isEqualTo(cents(revenue - cost));
        }
        for (SalesReport.ProductSales p : report.products()) {
            long[] e = expected.get(p.sku());
            assertThat(e).as("%s sold in the range", p.sku()).isNotNull();
            assertThat(p.unitsSold()).isEqualTo(e[0]);
            assertThat(p.revenue()).isEqualTo(cents(e[1]));
            assertThat(p.cost()).isEqualTo(e[3] != 0 ? null : cents(e[2]));
        }
        assertThat(report.products()).hasSize(expected.size());
    }

    private static void add(Map<String, long[]> expected, SalesRollup.Line line, int sign) {
        long[] sums = expected.computeIfAbsent(line.sku(), k -> new long[4]);
        sums[0] += sign * line.quantity();
        sums[1] += sign * line.quantity() * line.unitPrice();
        sums[2] += sign * line.quantity() * (line.unitCost() == null ? 0 : line.unitCost());
        sums[3] += sign * (line.unitCost() == null ? line.quantity() : 0);
    }

    private static BigDecimal cents(long stored) {
        return BigDecimal.valueOf(stored, 4).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static void insertPurchase(JdbcClient jdbc, String id, long at, List<SalesRollup.Line> lines) {
        long total = lines.stream().mapToLong(l -> l.quantity() * l.unitPrice()).sum();
        jdbc.sql("INSERT INTO purchase (id, total, actor, created_at) VALUES (:id, :total, 'test', :at)")
                .param("id", id)
                .param("total", total)
                .param("at", at)
                .update();
        int no = 0;
        for (SalesRollup.Line l : lines) {
            jdbc.sql(
                            "INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, unit_cost, line_total) "
                                    + "VALUES (:id, :no, :sku, :sku, :q, :price, :cost, :total)")
                    .param("id", id)
                    .param("no", ++no)
                    .param("sku", l.sku())
                    .param("q", l.quantity())
                    .param("price", l.unitPrice())
                    .param("cost", l.unitCost())
                    .param("total", l.quantity() * l.unitPrice())
                    .update();
        }
    }

    private static void insertReturn(JdbcClient jdbc, String id, String purchaseId, long at, SalesRollup.Line line) {
        jdbc.sql(
                        "INSERT INTO purchase_return (id, purchase_id, total, actor, created_at) VALUES (:id, :purchaseId, :total, 'test', :at)")
                .param("id", id)
                .param("purchaseId", purchaseId)
                .param("total", line.quantity() * line.unitPrice())
                .param("at", at)
                .update();
        jdbc.sql("INSERT INTO purchase_return_line (return_id, sku, name, quantity, unit_price, unit_cost, line_total) "
                        + "VALUES (:id, :sku, :sku, :q, :price, :cost, :total)")
                .param("id", id)
                .param("sku", line.sku())
                .param("q", line.quantity())
                .param("price", line.unitPrice())
                .param("cost", line.unitCost())
                .param("total", line.quantity() * line.unitPrice())
                .update();
    }
}
