package org.stockroom.reports;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.StockroomApplication;
import org.stockroom.support.StoreCalendar;
import org.stockroom.testing.TestDatabase;

/**
 * Times the reports on 10,000 products and 1,000,000 purchase lines over the two years up to
 * today, next to the bare SQL aggregate over the raw lines for the same question. Not a test: run
 * it with {@code ./mvnw -q -Pbench test-compile exec:java} (SQLite in a temporary directory), and
 * on PostgreSQL too when {@code STOCKROOM_BENCH_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD})
 * names an empty database it may fill. A report's figure is the median of 7 runs after 3 warm-up
 * runs; a bare aggregate over the raw lines, which takes seconds, the median of 3 after one.
 */
public final class ReportsBenchmark {

    static final int PRODUCTS = 10_000;
    static final int LINES = 1_000_000;
    static final int DAYS = 730;

    public static void main(String[] args) throws Exception {
        List<String> engines = new ArrayList<>(List.of("sqlite"));
        if (System.getenv("STOCKROOM_BENCH_POSTGRES_URL") != null) {
            engines.add("postgresql");
        }
        for (String engine : engines) {
            run(engine);
        }
    }

    private static void run(String engine) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.task.scheduling.enabled=false", "--stockroom.data-dir=" + Files.createTempDirectory("stockroom-bench")));
        if (engine.equals("postgresql")) {
            args.add("--spring.datasource.url=" + System.getenv("STOCKROOM_BENCH_POSTGRES_URL"));
            args.add("--spring.datasource.username=" + System.getenv().getOrDefault("STOCKROOM_BENCH_POSTGRES_USER", "postgres"));
            args.add("--spring.datasource.password=" + System.getenv().getOrDefault("STOCKROOM_BENCH_POSTGRES_PASSWORD", ""));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            DataSource dataSource = app.getBean(DataSource.class);
            TestDatabase.wipe(dataSource);
            long loadStart = System.nanoTime();
            load(dataSource, app.getBean(Clock.class).millis());
            System.out.printf("%n== %s: loaded %,d products and %,d purchase lines in %.1f s%n", engine, PRODUCTS, LINES,
                    (System.nanoTime() - loadStart) / 1e9);
            if (engine.equals("postgresql")) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
            SalesRollup rollup = app.getBean(SalesRollup.class);
            StoreCalendar calendar = app.getBean(StoreCalendar.class);
            long rebuildStart = System.nanoTime();
            app.getBean(TransactionTemplate.class).executeWithoutResult(s -> rollup.rebuild(calendar.zone()));
            System.out.printf("rollups built from the purchases (the migration's backfill) in %.1f s%n",
                    (System.nanoTime() - rebuildStart) / 1e9);
            if (engine.equals("postgresql")) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }

            Reports reports = app.getBean(Reports.class);
            LocalDate today = reports.today();
            LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
            LocalDate monthEnd = today.withDayOfMonth(1).minusDays(1);
            long monthFrom = calendar.startOf(monthStart);
            long monthTo = calendar.endOf(monthEnd);
            long windowFrom = calendar.startOf(today.minusDays(27));
            String raw = "SELECT l.sku, SUM(l.quantity), SUM(l.line_total), SUM(COALESCE(l.unit_cost * l.quantity, 0)), "
                    + "SUM(CASE WHEN l.unit_cost IS NULL THEN 1 ELSE 0 END) FROM purchase_line l JOIN purchase pu ON pu.id = l.purchase_id ";

            System.out.printf("%-44s %12s%n", "query (median)", "ms");
            time("sales report, last month (" + monthStart.getMonth() + ")", () -> reports.sales(monthStart, monthEnd, SalesSort.REVENUE, null));
            timeRaw("  bare SQL over the raw lines, same month", () -> rawAggregate(dataSource,
                    raw + "WHERE pu.created_at >= " + monthFrom + " AND pu.created_at < " + monthTo + " GROUP BY l.sku"));
            time("sales report, full history", () -> reports.sales(null, null, SalesSort.REVENUE, null));
            timeRaw("  bare SQL over the raw lines, full history", () -> rawAggregate(dataSource, raw + "GROUP BY l.sku"));
            time("sales report, 2 years with odd ends", () -> reports.sales(today.minusDays(700), today.minusDays(3), SalesSort.REVENUE, 20));
            time("reorder report (28-day window)", reports::reorder);
            timeRaw("  bare SQL over the raw lines, 28 days", () -> rawAggregate(dataSource,
                    raw + "WHERE pu.created_at >= " + windowFrom + " GROUP BY l.sku"));
            time("slow movers (60 days)", () -> reports.slow(60));
            time("valuation", reports::valuation);
            time("daily series, one year, whole store", () -> reports.daily(today.minusDays(364), today, null));
        }
    }

    private static void time(String name, Supplier<?> query) {
        time(name, query, 3, 7);
    }

    private static void timeRaw(String name, Supplier<?> query) {
        time(name, query, 1, 3);
    }

    private static void time(String name, Supplier<?> query, int warmUps, int runs) {
        long[] ms = new long[runs];
        for (int i = 0; i < warmUps; i++) {
            query.get();
        }
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("%-44s %12d%n", name, ms[ms.length / 2]);
    }

    private static Integer rawAggregate(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Products with skewed popularity (a few sell a lot), purchases of 1 to 3 lines spread evenly over the two years. */
    private static void load(DataSource dataSource, long now) throws Exception {
        Random random = new Random(42);
        long[] price = new long[PRODUCTS];
        Long[] cost = new Long[PRODUCTS];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO product (sku, name, name_key, price, stock, reorder_threshold, "
                    + "cost, reorder_quantity, lead_time_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < PRODUCTS; i++) {
                    price[i] = (100 + random.nextInt(20_000)) * 100L;
                    cost[i] = random.nextInt(10) == 0 ? null : price[i] * 6 / 10;
                    String sku = String.format("SKU-%05d", i);
                    p.setString(1, sku);
                    p.setString(2, "Product " + i);
                    p.setString(3, "product " + i);
                    p.setLong(4, price[i]);
                    p.setLong(5, random.nextInt(500));
                    p.setLong(6, 5);
                    p.setObject(7, cost[i]);
                    p.setObject(8, random.nextBoolean() ? 12L : null);
                    p.setObject(9, random.nextBoolean() ? 3 + random.nextInt(30) : null);
                    p.setLong(10, now - DAYS * 86_400_000L);
                    p.setLong(11, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            try (PreparedStatement purchase = c.prepareStatement("INSERT INTO purchase (id, total, actor, created_at) VALUES (?, ?, 'bench', ?)");
                 PreparedStatement line = c.prepareStatement("INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, "
                         + "unit_price, unit_cost, line_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long span = DAYS * 86_400_000L;
                int lines = 0;
                int purchases = 0;
                while (lines < LINES) {
                    String id = String.format("bench-%08d", purchases++);
                    int count = Math.min(1 + random.nextInt(3), LINES - lines);
                    long total = 0;
                    int first = (int) (PRODUCTS * Math.pow(random.nextDouble(), 2));
                    for (int l = 0; l < count; l++) {
                        int product = (first + l * 7919) % PRODUCTS;
                        long quantity = 1 + random.nextInt(3);
                        line.setString(1, id);
                        line.setInt(2, l + 1);
                        line.setString(3, String.format("SKU-%05d", product));
                        line.setString(4, "Product " + product);
                        line.setLong(5, quantity);
                        line.setLong(6, price[product]);
                        line.setObject(7, cost[product]);
                        line.setLong(8, quantity * price[product]);
                        line.addBatch();
                        total += quantity * price[product];
                    }
                    lines += count;
                    purchase.setString(1, id);
                    purchase.setLong(2, total);
                    purchase.setLong(3, now - span + (long) (random.nextDouble() * span));
                    purchase.addBatch();
                    if (purchases % 20_000 == 0) {
                        purchase.executeBatch();
                        line.executeBatch();
                        c.commit();
                    }
                }
                purchase.executeBatch();
                line.executeBatch();
                c.commit();
            }
        }
    }
}
