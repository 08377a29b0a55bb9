package org.stockroom.reports;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.StockroomApplication;
import org.stockroom.sales.SalesRollup;
import org.stockroom.support.StoreCalendar;
import org.stockroom.testing.TestDatabase;

/**
 * Times the reports on 10,000 products and 1,000,000 purchase lines (and 2% of purchases partly
 * returned) over the two years up to today, next to the bare SQL aggregate over the raw lines for
 * the same question. The rollups are built by the product's own rebuild, which is timed too. Not a
 * test: run it with {@code ./mvnw -q -Pbench test-compile exec:java} (SQLite in a temporary
 * directory), and on PostgreSQL too when {@code STOCKROOM_BENCH_POSTGRES_URL} (with {@code _USER},
 * {@code _PASSWORD}) names a database it may empty and fill. A report's figure is the median of 7
 * runs after 3 warm-up runs; a bare aggregate over the raw lines, which takes seconds, the median
 * of 3 after one.
 */
public final class ReportsBenchmark {

    static final int PRODUCTS = 10_000;
    static final int LINES = 1_000_000;
    static final int DAYS = 730;
    static final int RETURN_EVERY = 50;

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
        boolean postgres = engine.equals("postgresql");
        Path dataDir = Files.createTempDirectory("stockroom-reports-bench");
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.task.scheduling.enabled=false",
                "--stockroom.data-dir=" + dataDir));
        if (postgres) {
            args.add("--spring.datasource.url=" + System.getenv("STOCKROOM_BENCH_POSTGRES_URL"));
            args.add("--spring.datasource.username="
                    + System.getenv().getOrDefault("STOCKROOM_BENCH_POSTGRES_USER", "postgres"));
            args.add("--spring.datasource.password="
                    + System.getenv().getOrDefault("STOCKROOM_BENCH_POSTGRES_PASSWORD", ""));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StockroomApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            DataSource dataSource = app.getBean(DataSource.class);
            TestDatabase.wipe(dataSource);
            System.out.printf(
                    "%n== %s, %d cores, load average %s%n",
                    engine, Runtime.getRuntime().availableProcessors(), loadAverage());
            long loadStart = System.nanoTime();
            Loaded loaded = load(dataSource, app.getBean(Clock.class).millis(), postgres);
            System.out.printf(
                    "loaded %,d products, %,d purchases with %,d lines, %,d returns in %.1f s%n",
                    PRODUCTS,
                    loaded.purchases(),
                    loaded.lines(),
                    loaded.returns(),
                    (System.nanoTime() - loadStart) / 1e9);
            // Statistics (and on PostgreSQL, vacuumed pages) as autovacuum or a PRAGMA optimize would leave a live
            // store's history.
            execute(dataSource, postgres ? "VACUUM ANALYZE" : "ANALYZE");
            SalesRollup rollup = app.getBean(SalesRollup.class);
            StoreCalendar calendar = app.getBean(StoreCalendar.class);
            long rebuildStart = System.nanoTime();
            app.getBean(TransactionTemplate.class).executeWithoutResult(s -> rollup.rebuild(calendar.zone()));
            System.out.printf(
                    "rollups rebuilt from the purchase and return lines in %.1f s%n",
                    (System.nanoTime() - rebuildStart) / 1e9);
            execute(dataSource, postgres ? "VACUUM ANALYZE" : "ANALYZE");

            Reports reports = app.getBean(Reports.class);
            LocalDate today = reports.today();
            LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
            LocalDate monthEnd = today.withDayOfMonth(1).minusDays(1);
            long monthFrom = calendar.startOf(monthStart);
            long monthTo = calendar.endOf(monthEnd);
            long windowFrom = calendar.startOf(today.minusDays(27));
            String raw =
                    "SELECT l.sku, SUM(l.quantity), SUM(l.line_total), SUM(COALESCE(l.unit_cost * l.quantity, 0)), "
                            + "SUM(CASE WHEN l.unit_cost IS NULL THEN 1 ELSE 0 END) FROM purchase pu JOIN purchase_line l ON l.purchase_id = pu.id ";

            System.out.printf("%-52s %10s %10s%n", "query (median of runs)", "wall ms", "CPU ms");
            time(
                    "sales report, last month (" + monthStart.getMonth() + ")",
                    () -> reports.sales(monthStart, monthEnd, SalesSort.REVENUE, null));
            timeRaw(
                    "  bare SQL over the raw lines, same month",
                    () -> rawAggregate(
                            dataSource,
                            raw + "WHERE pu.created_at >= " + monthFrom + " AND pu.created_at < " + monthTo
                                    + " GROUP BY l.sku"));
            time("sales report, full history", () -> reports.sales(null, null, SalesSort.REVENUE, null));
            timeRaw(
                    "  bare SQL over the raw lines, full history",
                    () -> rawAggregate(dataSource, raw + "GROUP BY l.sku"));
            time(
                    "sales report, 2 years less a few days, top 20",
                    () -> reports.sales(today.minusDays(700), today.minusDays(3), SalesSort.REVENUE, 20));
            time("reorder report (28-day window)", reports::reorder);
            timeRaw(
                    "  bare SQL over the raw lines, 28 days",
                    () -> rawAggregate(dataSource, raw + "WHERE pu.created_at >= " + windowFrom + " GROUP BY l.sku"));
            time("slow movers (60 days)", () -> reports.slow(60));
            time("valuation", reports::valuation);
            time("daily series, one year, whole store", () -> reports.daily(today.minusDays(364), today, null));
            System.out.printf("load average afterwards %s%n", loadAverage());
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return String.format(
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private static void execute(DataSource dataSource, String sql) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void time(String name, Supplier<?> query) {
        time(name, query, 3, 7);
    }

    private static void timeRaw(String name, Supplier<?> query) {
        time(name, query, 1, 3);
    }

    /**
     * Prints the median wall time and the median CPU time of this thread, which on SQLite includes
     * the database's own work (it runs in the caller's thread) and so shows the cost apart from a
     * busy machine's waiting; on PostgreSQL it is the client's share only.
     */
    private static void time(String name, Supplier<?> query, int warmUps, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < warmUps; i++) {
            query.get();
        }
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            query.get();
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        System.out.printf("%-52s %10d %10d%n", name, median(wall), median(cpu));
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000;
    }

    private static Integer rawAggregate(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Products with skewed popularity (a few sell a lot), purchases of 1 to 3 lines spread evenly
     * over the two years, and one purchase in {@value #RETURN_EVERY} partly returned up to ten days
     * later. One transaction; SQLite through JDBC batches, PostgreSQL through COPY.
     */
    private static Loaded load(DataSource dataSource, long now, boolean postgres) throws Exception {
        Random random = new Random(42);
        long[] price = new long[PRODUCTS];
        Long[] cost = new Long[PRODUCTS];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Rows products = rows(
                    c,
                    postgres,
                    "product",
                    "sku, name, name_key, price, stock, reorder_threshold, cost, reorder_quantity, "
                            + "lead_time_days, created_at, updated_at");
            Rows purchases = rows(c, postgres, "purchase", "id, total, actor, created_at");
            Rows lines = rows(
                    c,
                    postgres,
                    "purchase_line",
                    "purchase_id, line_no, sku, name, quantity, unit_price, unit_cost, line_total, "
                            + "returned_quantity");
            Rows returns = rows(c, postgres, "purchase_return", "id, purchase_id, total, actor, created_at");
            Rows returnLines = rows(
                    c,
                    postgres,
                    "purchase_return_line",
                    "return_id, sku, name, quantity, unit_price, unit_cost, line_total");
            for (int i = 0; i < PRODUCTS; i++) {
                price[i] = (100 + random.nextInt(20_000)) * 100L;
                cost[i] = random.nextInt(10) == 0 ? null : price[i] * 6 / 10;
                products.add(
                        sku(i),
                        "Product " + i,
                        "product " + i,
                        price[i],
                        (long) random.nextInt(500),
                        5L,
                        cost[i],
                        random.nextBoolean() ? 12L : null,
                        random.nextBoolean() ? 3 + random.nextInt(30) : null,
                        now - DAYS * 86_400_000L,
                        now);
            }
            products.flush();
            long span = DAYS * 86_400_000L;
            int lineCount = 0;
            int purchaseCount = 0;
            int returnCount = 0;
            while (lineCount < LINES) {
                String id = String.format("bench-%08d", purchaseCount++);
                long at = now - span + (long) (random.nextDouble() * span);
                int count = Math.min(1 + random.nextInt(3), LINES - lineCount);
                boolean returned = purchaseCount % RETURN_EVERY == 0;
                long total = 0;
                int first = (int) (PRODUCTS * Math.pow(random.nextDouble(), 2));
                for (int l = 0; l < count; l++) {
                    int product = (first + l * 7919) % PRODUCTS;
                    long quantity = 1 + random.nextInt(3);
                    lines.add(
                            id,
                            l + 1,
                            sku(product),
                            "Product " + product,
                            quantity,
                            price[product],
                            cost[product],
                            quantity * price[product],
                            returned && l == 0 ? 1L : 0L);
                    total += quantity * price[product];
                }
                purchases.add(id, total, "bench", at);
                if (returned) {
                    int product = first % PRODUCTS;
                    String returnId = "return-" + id;
                    long returnedAt = Math.min(now - 1, at + (long) (random.nextDouble() * 10 * 86_400_000L));
                    returns.add(returnId, id, price[product], "bench", returnedAt);
                    returnLines.add(
                            returnId,
                            sku(product),
                            "Product " + product,
                            1L,
                            price[product],
                            cost[product],
                            price[product]);
                    returnCount++;
                }
                lineCount += count;
                if (purchaseCount % 20_000 == 0) {
                    flush(purchases, lines, returns, returnLines);
                }
            }
            flush(purchases, lines, returns, returnLines);
            c.commit();
            return new Loaded(purchaseCount, lineCount, returnCount);
        }
    }

    record Loaded(int purchases, int lines, int returns) {}

    /** Parents before children, as the foreign keys want them. */
    private static void flush(Rows... tables) throws Exception {
        for (Rows table : tables) {
            table.flush();
        }
    }

    private static String sku(int product) {
        return String.format("SKU-%05d", product);
    }

    private static Rows rows(Connection c, boolean postgres, String table, String columns) throws Exception {
        return postgres ? new CopyRows(c, table, columns) : new BatchRows(c, table, columns);
    }

    /** Rows of one table, written in bulk. */
    private interface Rows {
        void add(Object... values) throws Exception;

        void flush() throws Exception;
    }

    private static final class BatchRows implements Rows {
        private final PreparedStatement statement;
        private int batched;

        BatchRows(Connection c, String table, String columns) throws Exception {
            String marks = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
            statement = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
        }

        @Override
        public void add(Object... values) throws Exception {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            batched++;
        }

        @Override
        public void flush() throws Exception {
            if (batched > 0) {
                statement.executeBatch();
                batched = 0;
            }
        }
    }

    /** PostgreSQL's COPY in its text format: tab-separated, {@code \\N} for null (the generated text holds no tab or backslash). */
    private static final class CopyRows implements Rows {
        private final CopyManager copy;
        private final String sql;
        private final StringBuilder text = new StringBuilder();

        CopyRows(Connection c, String table, String columns) throws Exception {
            copy = c.unwrap(PGConnection.class).getCopyAPI();
            sql = "COPY " + table + " (" + columns + ") FROM STDIN";
        }

        @Override
        public void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                text.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i].toString());
            }
            text.append('\n');
        }

        @Override
        public void flush() throws Exception {
            if (!text.isEmpty()) {
                copy.copyIn(sql, new StringReader(text.toString()));
                text.setLength(0);
            }
        }
    }
}
