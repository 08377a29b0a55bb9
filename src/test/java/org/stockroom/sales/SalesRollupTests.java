package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.reports.Reports;
import org.stockroom.reports.SalesReport;
import org.stockroom.support.Database;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class SalesRollupTests extends ApiTestSupport {

    @Autowired
    SalesRollup rollup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    Reports reports;

    @Autowired
    Database database;

    @Test
    void aRebuildFromThePurchasesEqualsWhatEachSaleRecorded() {
        api.post(
                "/api/products",
                "{\"sku\":\"A-1\",\"name\":\"A\",\"price\":2.50,\"stock\":50,\"reorderThreshold\":1,\"cost\":1.25}");
        api.post("/api/products", product("B-1", "7.00", 50, 1));
        api.post("/api/purchases", "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":3},{\"sku\":\"B-1\",\"quantity\":2}]}");
        api.post("/api/purchases", purchase("A-1", 4));
        List<Map<String, Object>> recorded = snapshot();
        assertThat(recorded).isNotEmpty();

        transaction.executeWithoutResult(s -> rollup.rebuild(ZoneId.of("UTC")));

        assertThat(snapshot()).isEqualTo(recorded);
    }

    /**
     * Every purchase adds to its day's total, so two writers committing batches of the same day must
     * not add to one row: the second would wait for the first's commit (PostgreSQL; SQLite has one
     * writer at a time anyway).
     */
    @Test
    void twoWritersAddingToOneDayDoNotWaitForEachOthersCommit() throws Exception {
        Assumptions.assumeTrue(database == Database.POSTGRESQL, "SQLite has one writer at a time");
        long now = clock.millis();
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> transaction.executeWithoutResult(s -> {
                rollup.sales(now, List.of(new SalesRollup.Line("FIRST-1", 1, 10_000, null)), 1);
                firstAdded.countDown();
                try {
                    // Keeps its transaction, and any row lock it took, open until the second is done.
                    secondDone.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            Future<?> second = writers.submit(() -> {
                try {
                    assertThat(firstAdded.await(20, TimeUnit.SECONDS)).isTrue();
                    transaction.executeWithoutResult(s -> {
                        jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
                        rollup.sales(now, List.of(new SalesRollup.Line("SECOND-1", 2, 10_000, 5_000L)), 1);
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    secondDone.countDown();
                }
                return null;
            });
            second.get(30, TimeUnit.SECONDS);
            first.get(30, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneId.of("UTC")).toLocalDate();
        assertThat(jdbc.sql("SELECT SUM(purchases), SUM(units) FROM sales_day_total")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(2L, 3L);
        assertThat(reports.sales(today, today).totals().purchases()).isEqualTo(2);
    }

    @Test
    void aRebuildKeepsTheReturnsSoEveryReportIsTheSameToTheCent() {
        api.post(
                "/api/products",
                "{\"sku\":\"A-1\",\"name\":\"A\",\"price\":2.35,\"stock\":50,\"reorderThreshold\":1,\"cost\":1.15}");
        api.post("/api/products", product("B-1", "7.05", 50, 1));
        String first = api.post(
                        "/api/purchases",
                        "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":3},{\"sku\":\"B-1\",\"quantity\":2}]}")
                .json()
                .get("id")
                .asString();
        String second =
                api.post("/api/purchases", purchase("A-1", 4)).json().get("id").asString();
        assertThat(api.post(
                                "/api/purchases/" + first + "/returns",
                                "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":1}," + "{\"sku\":\"B-1\",\"quantity\":2}]}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/purchases/" + second + "/returns", "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":3}]}")
                        .status())
                .isEqualTo(201);
        List<String> paths = List.of(
                "/api/reports/sales",
                "/api/reports/sales?from=" + today() + "&to=" + today(),
                "/api/reports/sales/daily",
                "/api/reports/sales/daily?sku=A-1",
                "/api/reports/reorder",
                "/api/reports/slow?days=1");
        List<String> before = paths.stream().map(path -> api.get(path).text()).toList();
        List<Map<String, Object>> recorded = snapshot();
        JsonNode totals = api.get("/api/reports/sales").json().get("totals");
        // Sold 7 A at 2.35 and 2 B at 7.05, took back 4 A and both B: 3 A, 7.05 of revenue, 3.45 of cost.
        assertThat(totals.get("units").asLong()).isEqualTo(3);
        assertThat(totals.get("revenue").decimalValue()).isEqualByComparingTo("7.05");
        assertThat(totals.get("cost").decimalValue()).isEqualByComparingTo("3.45");

        transaction.executeWithoutResult(s -> rollup.rebuild(ZoneId.of("UTC")));

        assertThat(snapshot()).isEqualTo(recorded);
        assertThat(paths.stream().map(path -> api.get(path).text()).toList()).isEqualTo(before);
    }

    @Test
    void aRebuildTakesEachReturnOffTheDayItWasTakenInTheStoreZone() {
        api.post("/api/products", product("A-1", "1.00", 50, 1));
        // In Tokyo the sale is on 2026-03-02 and the returns on 2026-03-05 and 2026-03-06.
        long sold = Instant.parse("2026-03-01T23:30:00Z").toEpochMilli();
        long returned = Instant.parse("2026-03-04T16:00:00Z").toEpochMilli();
        long returnedLater = Instant.parse("2026-03-05T15:30:00Z").toEpochMilli();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        transaction.executeWithoutResult(s -> {
            insertPurchase("p1", sold, "A-1", 5, 12_500L, 7_500L);
            rollup.record(tokyo, sold, List.of(new SalesRollup.Line("A-1", 5, 12_500L, 7_500L)), 1, true);
            insertReturn("r1", "p1", returned, "A-1", 2, 12_500L, 7_500L);
            rollup.record(tokyo, returned, List.of(new SalesRollup.Line("A-1", 2, 12_500L, 7_500L)), -1, false);
            insertReturn("r2", "p1", returnedLater, "A-1", 1, 12_500L, 7_500L);
            rollup.record(tokyo, returnedLater, List.of(new SalesRollup.Line("A-1", 1, 12_500L, 7_500L)), -1, false);
        });
        List<Map<String, Object>> recorded = snapshot();

        transaction.executeWithoutResult(s -> rollup.rebuild(tokyo));

        assertThat(snapshot()).isEqualTo(recorded);
        assertThat(days())
                .containsExactly(
                        LocalDate.of(2026, 3, 2).toEpochDay(),
                        LocalDate.of(2026, 3, 5).toEpochDay(),
                        LocalDate.of(2026, 3, 6).toEpochDay());
        assertThat(jdbc.sql("SELECT units FROM sales_daily ORDER BY day")
                        .query(Long.class)
                        .list())
                .containsExactly(5L, -2L, -1L);
        assertThat(jdbc.sql("SELECT units, revenue, cost, last_sale_day FROM sales_total")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        .single())
                .as("a return is not a sale")
                .containsExactly(2L, 25_000L, 15_000L, LocalDate.of(2026, 3, 2).toEpochDay());
        assertThat(jdbc.sql("SELECT SUM(purchases) FROM sales_day_total GROUP BY day ORDER BY day")
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 0L, 0L);
    }

    @Test
    void aWholeMonthADayAndARangeAcrossMonthsSumTheirOwnDaysOnly() {
        api.post("/api/products", product("A-1", "1.00", 50, 1));
        api.post("/api/products", product("B-1", "1.00", 50, 1));
        String[] days = {"2026-02-28", "2026-03-01", "2026-03-15", "2026-03-31", "2026-04-01"};
        transaction.executeWithoutResult(s -> {
            for (int i = 0; i < days.length; i++) {
                long at = Instant.parse(days[i] + "T12:00:00Z").toEpochMilli();
                long units = 1L << i;
                insertPurchase("p" + i, at, "A-1", units, 10_000L);
                rollup.record(
                        ZoneId.of("UTC"),
                        at,
                        List.of(
                                new SalesRollup.Line("A-1", units, 10_000L, null),
                                new SalesRollup.Line("B-1", 1, 10_000L, null)),
                        1,
                        true);
            }
        });
        // A-1 sold 1, 2, 4, 8 and 16 units on those days.
        assertThat(units(reports.sales(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))))
                .containsExactly(14L, 3L);
        assertThat(units(reports.sales(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15))))
                .containsExactly(4L, 1L);
        assertThat(units(reports.sales(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 1))))
                .containsExactly(31L, 5L);
        assertThat(units(reports.sales(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31))))
                .containsExactly(15L, 4L);
        assertThat(units(reports.sales(null, null))).containsExactly(31L, 5L);
    }

    private static List<Long> units(SalesReport report) {
        return report.products().stream()
                .map(SalesReport.ProductSales::unitsSold)
                .toList();
    }

    @Test
    void daysAreCalendarDaysOfTheStoreZone() {
        api.post("/api/products", product("A-1", "1.00", 50, 1));
        // 2026-03-01 23:30 UTC is already 2026-03-02 08:30 in Tokyo.
        long lateEvening = Instant.parse("2026-03-01T23:30:00Z").toEpochMilli();
        insertPurchase("p1", lateEvening, "A-1", 2, 10_000L);

        transaction.executeWithoutResult(s -> rollup.rebuild(ZoneId.of("UTC")));
        assertThat(days()).containsExactly(LocalDate.of(2026, 3, 1).toEpochDay());

        transaction.executeWithoutResult(s -> rollup.rebuild(ZoneId.of("Asia/Tokyo")));
        assertThat(days()).containsExactly(LocalDate.of(2026, 3, 2).toEpochDay());
        assertThat(jdbc.sql("SELECT month FROM sales_monthly").query(Long.class).single())
                .isEqualTo(2026 * 12L + 2);
        assertThat(jdbc.sql("SELECT SUM(purchases) FROM sales_day_total")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_sale_day FROM sales_total")
                        .query(Long.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 3, 2).toEpochDay());
    }

    @Test
    void rebuildsOnceWhenTheConfiguredZoneDiffersFromTheOneTheRollupsWereBuiltWith() {
        api.post("/api/products", product("A-1", "1.00", 50, 1));
        insertPurchase("p1", Instant.parse("2026-03-01T12:00:00Z").toEpochMilli(), "A-1", 2, 10_000L);
        jdbc.sql("INSERT INTO sales_rollup_state (id, zone, built_at) VALUES (1, 'Europe/Paris', 0)")
                .update();

        assertThat(rollup.rebuildIfZoneChanged()).isTrue();
        assertThat(jdbc.sql("SELECT zone FROM sales_rollup_state")
                        .query(String.class)
                        .single())
                .isEqualTo("UTC");
        assertThat(jdbc.sql("SELECT units FROM sales_daily").query(Long.class).single())
                .isEqualTo(2);
        assertThat(rollup.rebuildIfZoneChanged()).isFalse();
    }

    @Test
    void aReturnTakesUnitsRevenueAndCostOffTheDayOfTheReturn() {
        long sold = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
        long returned = Instant.parse("2026-03-03T12:00:00Z").toEpochMilli();
        transaction.executeWithoutResult(s -> {
            rollup.record(ZoneId.of("UTC"), sold, List.of(new SalesRollup.Line("A-1", 5, 20_000L, 5_000L)), 1, true);
            rollup.record(
                    ZoneId.of("UTC"), returned, List.of(new SalesRollup.Line("A-1", 2, 20_000L, 5_000L)), -1, false);
        });
        assertThat(jdbc.sql("SELECT units, revenue, cost FROM sales_total")
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single())
                .containsExactly(3L, 60_000L, 15_000L);
        assertThat(jdbc.sql("SELECT units FROM sales_daily ORDER BY day")
                        .query(Long.class)
                        .list())
                .containsExactly(5L, -2L);
        assertThat(jdbc.sql("SELECT SUM(purchases) FROM sales_day_total GROUP BY day ORDER BY day")
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 0L);
        assertThat(jdbc.sql("SELECT last_sale_day FROM sales_total")
                        .query(Long.class)
                        .single())
                .as("a return is not a sale")
                .isEqualTo(LocalDate.of(2026, 3, 1).toEpochDay());
    }

    private void insertPurchase(String id, long at, String sku, long quantity, long unitPrice) {
        insertPurchase(id, at, sku, quantity, unitPrice, null);
    }

    private void insertPurchase(String id, long at, String sku, long quantity, long unitPrice, Long unitCost) {
        jdbc.sql("INSERT INTO purchase (id, total, actor, created_at) VALUES (:id, :total, 'test', :at)")
                .param("id", id)
                .param("total", quantity * unitPrice)
                .param("at", at)
                .update();
        jdbc.sql(
                        "INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, unit_cost, line_total) "
                                + "VALUES (:id, 1, :sku, :sku, :q, :price, :cost, :total)")
                .param("id", id)
                .param("sku", sku)
                .param("q", quantity)
                .param("price", unitPrice)
                .param("cost", unitCost)
                .param("total", quantity * unitPrice)
                .update();
    }

    private void insertReturn(
            String id, String purchaseId, long at, String sku, long quantity, long unitPrice, Long unitCost) {
        jdbc.sql(
                        "INSERT INTO purchase_return (id, purchase_id, total, actor, created_at) VALUES (:id, :purchaseId, :total, 'test', :at)")
                .param("id", id)
                .param("purchaseId", purchaseId)
                .param("total", quantity * unitPrice)
                .param("at", at)
                .update();
        jdbc.sql("INSERT INTO purchase_return_line (return_id, sku, name, quantity, unit_price, unit_cost, line_total) "
                        + "VALUES (:id, :sku, :sku, :q, :price, :cost, :total)")
                .param("id", id)
                .param("sku", sku)
                .param("q", quantity)
                .param("price", unitPrice)
                .param("cost", unitCost)
                .param("total", quantity * unitPrice)
                .update();
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }

    private List<Long> days() {
        return jdbc.sql("SELECT day FROM sales_daily ORDER BY day")
                .query(Long.class)
                .list();
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (String table : List.of(
                "sales_daily ORDER BY day, sku", "sales_monthly ORDER BY month, sku", "sales_total ORDER BY sku")) {
            rows.addAll(jdbc.sql("SELECT * FROM " + table).query().listOfRows());
        }
        // A day's total may be split over slots (written by different threads); its sums are what count.
        rows.addAll(jdbc.sql("SELECT day, SUM(purchases) AS purchases, SUM(units) AS units, SUM(revenue) AS revenue, "
                        + "SUM(cost) AS cost, SUM(unknown_cost_units) AS unknown_cost_units FROM sales_day_total "
                        + "GROUP BY day ORDER BY day")
                .query()
                .listOfRows());
        return rows;
    }
}
