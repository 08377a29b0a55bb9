package org.stockroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.stockroom.support.EmbeddedDatabaseEnvironment;

/**
 * Measures purchases per second against the database's own limit: (a) the SQL of a one-line
 * purchase straight over JDBC, one transaction per purchase; (b) the same purchases through
 * Stockroom's HTTP API, served by a separate JVM; each for purchases spread over many products
 * and for a flash sale on one product. Not a test: run it with {@code bench/run}.
 */
public final class PurchaseBenchmark {

    static final int PRODUCTS = 1_000;
    static final long OPENING_STOCK = 10_000_000;

    record Target(String name, String url, String user, String password) {
        boolean postgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    record Cell(int purchases, int refused, int failed, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return purchases / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private final double seconds;
    private final double warmup;
    private final int[] clients;
    private final Path jar;

    PurchaseBenchmark(double seconds, double warmup, int[] clients, Path jar) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.clients = clients;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        double warmup = 15;
        int[] clients = {1, 8, 32, 128};
        Path jar = Path.of("target/stockroom.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--clients" ->
                    clients = Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--jar" -> jar = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --seconds S, --warmup S, --clients 1,8,32,128, --jar PATH)");
            }
        }
        List<Target> targets = new ArrayList<>();
        Path sqliteDir = Files.createTempDirectory("stockroom-bench");
        targets.add(new Target("SQLite", EmbeddedDatabaseEnvironment.sqliteUrl(sqliteDir), null, null));
        String pgUrl = System.getenv("STOCKROOM_BENCH_POSTGRES_URL");
        if (pgUrl != null && !pgUrl.isBlank()) {
            targets.add(new Target(
                    "PostgreSQL",
                    pgUrl,
                    System.getenv("STOCKROOM_BENCH_POSTGRES_USER"),
                    System.getenv("STOCKROOM_BENCH_POSTGRES_PASSWORD")));
        }
        // One kept-alive connection per client thread: the JDK keeps only 5 per host unless told.
        System.setProperty("http.maxConnections", "512");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf(
                "cores: %d, load average at start: %s, %.1f s per cell, %.1f s warm-up per server%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), seconds, warmup);
        PurchaseBenchmark bench = new PurchaseBenchmark(seconds, warmup, clients, jar);
        bench.startAndDemo();
        boolean conserved = true;
        for (Target target : targets) {
            conserved &= bench.run(target, sqliteDir);
        }
        System.out.printf("load average at end: %s%n", loadAverage());
        System.exit(conserved ? 0 : 1);
    }

    private boolean run(Target target, Path sqliteDir) throws Exception {
        System.out.printf("%n== %s ==%n", target.name());
        prepare(target);
        List<String[]> rows = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (boolean flash : new boolean[] {false, true}) {
            String workload = flash ? "flash sale (1 product)" : "1,000 products";
            Cell[] limits = new Cell[clients.length];
            for (int i = 0; i < clients.length; i++) {
                limits[i] = limit(target, clients[i], flash);
            }
            Cell[] grouped = served(target, sqliteDir, flash, true);
            Cell[] alone = served(target, sqliteDir, flash, false);
            for (int i = 0; i < clients.length; i++) {
                if (clients[i] == 32) {
                    targets.add(target(target, flash, limits[i], grouped[i]));
                }
                rows.add(new String[] {
                    workload,
                    String.valueOf(clients[i]),
                    perSecond(limits[i]),
                    ms(limits[i].percentileMillis(.5)),
                    ms(limits[i].percentileMillis(.99)),
                    perSecond(grouped[i]),
                    ms(grouped[i].percentileMillis(.5)),
                    ms(grouped[i].percentileMillis(.99)),
                    String.format("%.2f", grouped[i].perSecond() / limits[i].perSecond()),
                    perSecond(alone[i]),
                    ms(alone[i].percentileMillis(.99)),
                    String.format("%.2f", alone[i].perSecond() / limits[i].perSecond()),
                    String.valueOf(limits[i].refused() + grouped[i].refused() + alone[i].refused()),
                    String.valueOf(limits[i].failed() + grouped[i].failed() + alone[i].failed())
                });
            }
        }
        System.out.printf("load average after %s: %s%n", target.name(), loadAverage());
        System.out.println(
                "| workload | clients | limit /s | limit p50 ms | limit p99 ms | group commit /s | p50 ms | p99 ms "
                        + "| ratio | one tx per purchase /s | p99 ms | ratio | 409s | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        targets.forEach(System.out::println);
        return check(target);
    }

    /** The target for 32 clients: Stockroom (group commit) at least 2× the limit (5× for a flash sale on PostgreSQL), p99 under 50 ms. */
    private static String target(Target target, boolean flash, Cell limit, Cell served) {
        double wanted = flash && target.postgres() ? 5 : 2;
        if (flash && !target.postgres()) {
            return String.format(
                    "target (%s, flash sale, 32 clients): none set; %.2f× the limit, p99 %.1f ms",
                    target.name(), served.perSecond() / limit.perSecond(), served.percentileMillis(.99));
        }
        double ratio = served.perSecond() / limit.perSecond();
        double p99 = served.percentileMillis(.99);
        return String.format(
                "target (%s, %s, 32 clients): ≥ %.0f× the limit and p99 < 50 ms: %.2f×, p99 %.1f ms -> %s",
                target.name(),
                flash ? "flash sale" : "1,000 products",
                wanted,
                ratio,
                p99,
                ratio >= wanted && p99 < 50 ? "MET" : "NOT MET");
    }

    /** Stockroom over HTTP for every client count, on one server started with group commit on or off. */
    private Cell[] served(Target target, Path sqliteDir, boolean flash, boolean groupCommit) throws Exception {
        Cell[] cells = new Cell[clients.length];
        Server server = Server.start(
                jar, target, sqliteDir, Map.of("STOCKROOM_PURCHASES_GROUP_COMMIT", String.valueOf(groupCommit)));
        try {
            String token = server.apiToken();
            // The first requests pay for class loading and the JIT; a discarded warm-up keeps them out of the figures.
            http(server.port(), token, 32, flash, warmup);
            for (int i = 0; i < clients.length; i++) {
                cells[i] = http(server.port(), token, clients[i], flash);
            }
        } finally {
            server.stop();
        }
        return cells;
    }

    /**
     * A fresh schema through the migrations the server runs (the shared ones and the engine's own,
     * out of order allowed, as in application.properties), and 1,000 products with their opening ledger rows.
     */
    private static void prepare(Target target) throws SQLException {
        if (target.postgres()) {
            try (Connection c = connect(target);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration", "classpath:db/" + (target.postgres() ? "postgresql" : "sqlite"))
                .outOfOrder(true)
                .placeholders(Map.of(
                        "id",
                                target.postgres()
                                        ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                                        : "INTEGER PRIMARY KEY AUTOINCREMENT",
                        "text", target.postgres() ? "TEXT COLLATE \"C\"" : "TEXT"))
                .load()
                .migrate();
        long now = System.currentTimeMillis();
        try (Connection c = connect(target)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO product (sku, name, name_key, price, stock, reorder_threshold, "
                                    + "created_at, updated_at) VALUES (?, ?, ?, 19990, ?, 5, ?, ?)");
                    PreparedStatement m = c.prepareStatement(
                            "INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, at) "
                                    + "VALUES (?, 'ADJUSTMENT', 'COUNT', ?, ?, 'bench', 'opening stock', ?)")) {
                for (int i = 0; i < PRODUCTS; i++) {
                    String sku = sku(i);
                    p.setString(1, sku);
                    p.setString(2, "Bench product " + i);
                    p.setString(3, "bench product " + i);
                    p.setLong(4, OPENING_STOCK);
                    p.setLong(5, now);
                    p.setLong(6, now);
                    p.addBatch();
                    m.setString(1, sku);
                    m.setLong(2, OPENING_STOCK);
                    m.setLong(3, OPENING_STOCK);
                    m.setLong(4, now);
                    m.addBatch();
                }
                p.executeBatch();
                m.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * The statements Stockroom issues for a one-line purchase without an idempotency key, one
     * transaction each: the conditional update of the product, the ledger row, the purchase and its
     * line, and the four sales rollup upserts. The alert transition would follow the update when the
     * stock reached the product's threshold; here, as in the HTTP cells, stock stays far above it.
     */
    private Cell limit(Target target, int n, boolean flash) throws Exception {
        AtomicInteger ids = new AtomicInteger();
        return drive(n, () -> {
            Connection c = connect(target);
            c.setAutoCommit(false);
            PreparedStatement update = c.prepareStatement("UPDATE product SET stock = stock + ?, last_stock_delta = ?, "
                    + "units_sold = units_sold + ?, updated_at = ? "
                    + "WHERE sku = ? AND archived = FALSE AND stock + ? >= 0 AND units_sold + ? >= 0 "
                    + "RETURNING sku, name, price, stock, reorder_threshold, units_sold, cost, reorder_quantity, "
                    + "lead_time_days, supplier, barcode, archived, created_at, updated_at");
            PreparedStatement movement = c.prepareStatement(
                    "INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, "
                            + "purchase_id, at) VALUES (?, 'SALE', NULL, ?, ?, ?, NULL, ?, ?) RETURNING id");
            PreparedStatement purchase = c.prepareStatement(
                    "INSERT INTO purchase (id, reference, total, actor, created_at) VALUES (?, NULL, ?, ?, ?)");
            PreparedStatement line = c.prepareStatement(
                    "INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, "
                            + "unit_cost, line_total) VALUES (?, 1, ?, ?, 1, ?, NULL, ?)");
            PreparedStatement daily = c.prepareStatement(upsert("sales_daily", "day, sku"));
            PreparedStatement monthly = c.prepareStatement(upsert("sales_monthly", "month, sku"));
            PreparedStatement total = c.prepareStatement(
                    "INSERT INTO sales_total (sku, units, revenue, cost, unknown_cost_units, last_sale_day) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET " + sums("sales_total")
                            + ", last_sale_day = CASE WHEN excluded.last_sale_day IS NULL THEN sales_total.last_sale_day "
                            + "WHEN sales_total.last_sale_day IS NULL OR excluded.last_sale_day > sales_total.last_sale_day "
                            + "THEN excluded.last_sale_day ELSE sales_total.last_sale_day END");
            PreparedStatement dayTotal = c.prepareStatement(
                    "INSERT INTO sales_day_total (day, purchases, units, revenue, cost, unknown_cost_units) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
                            + "purchases = sales_day_total.purchases + excluded.purchases, " + sums("sales_day_total"));
            return new Attempt() {
                @Override
                public Outcome attempt() throws Exception {
                    String sku = pick(flash);
                    String id = "L" + System.nanoTime() + "-" + ids.incrementAndGet();
                    long now = System.currentTimeMillis();
                    java.time.LocalDate date = java.time.Instant.ofEpochMilli(now)
                            .atZone(java.time.ZoneOffset.UTC)
                            .toLocalDate();
                    long day = date.toEpochDay();
                    long month = date.getYear() * 12L + date.getMonthValue() - 1;
                    setAll(update, -1L, -1L, 1L, now, sku, -1L, 1L);
                    String name;
                    long price;
                    long stock;
                    try (ResultSet rs = update.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Outcome.REFUSED;
                        }
                        name = rs.getString("name");
                        price = rs.getLong("price");
                        stock = rs.getLong("stock");
                    }
                    setAll(movement, sku, -1L, stock, ACTOR, id, now);
                    try (ResultSet rs = movement.executeQuery()) {
                        rs.next();
                    }
                    setAll(purchase, id, price, ACTOR, now);
                    purchase.executeUpdate();
                    setAll(line, id, sku, name, price, price);
                    line.executeUpdate();
                    setAll(daily, day, sku, 1L, price, 0L, 1L);
                    daily.executeUpdate();
                    setAll(monthly, month, sku, 1L, price, 0L, 1L);
                    monthly.executeUpdate();
                    setAll(total, sku, 1L, price, 0L, 1L, day);
                    total.executeUpdate();
                    setAll(dayTotal, day, 1L, 1L, price, 0L, 1L);
                    dayTotal.executeUpdate();
                    c.commit();
                    return Outcome.BOUGHT;
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        });
    }

    /** Who the limit's purchases are made by: a name as long as a token's actor in the ledger. */
    static final String ACTOR = "token:bench";

    private static String upsert(String table, String keyColumns) {
        return "INSERT INTO " + table + " (" + keyColumns
                + ", units, revenue, cost, unknown_cost_units) VALUES (?, ?, ?, ?, ?, ?) " + "ON CONFLICT ("
                + keyColumns + ") DO UPDATE SET " + sums(table);
    }

    private static String sums(String table) {
        return "units = " + table + ".units + excluded.units, revenue = " + table
                + ".revenue + excluded.revenue, cost = " + table + ".cost + excluded.cost, unknown_cost_units = "
                + table + ".unknown_cost_units + excluded.unknown_cost_units";
    }

    private static void setAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Long l) {
                statement.setLong(i + 1, l);
            } else {
                statement.setString(i + 1, (String) values[i]);
            }
        }
    }

    private Cell http(int port, String token, int n, boolean flash) throws Exception {
        return http(port, token, n, flash, seconds);
    }

    /**
     * Each client is a thread with its own kept-alive connection. {@link HttpURLConnection} writes a
     * small request's headers and body in one packet; the JDK's HttpClient sends them apart, and on
     * loopback the second packet waited for a delayed acknowledgement (about 40 ms a request).
     */
    private Cell http(int port, String token, int n, boolean flash, double forSeconds) throws Exception {
        URL url = URI.create("http://127.0.0.1:" + port + "/api/purchases").toURL();
        return drive(n, forSeconds, () -> new Attempt() {
            @Override
            public Outcome attempt() throws Exception {
                byte[] body = ("{\"lines\":[{\"sku\":\"" + pick(flash) + "\",\"quantity\":1}]}")
                        .getBytes(StandardCharsets.UTF_8);
                HttpURLConnection http = (HttpURLConnection) url.openConnection();
                http.setConnectTimeout(10_000);
                http.setReadTimeout(60_000);
                http.setRequestMethod("POST");
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", "application/json");
                http.setRequestProperty("Authorization", "Bearer " + token);
                try (OutputStream out = http.getOutputStream()) {
                    out.write(body);
                }
                int status = http.getResponseCode();
                // Read to the end, so the connection goes back to the keep-alive cache for the next request.
                try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                return switch (status) {
                    case 201, 200 -> Outcome.BOUGHT;
                    case 409 -> Outcome.REFUSED;
                    default -> Outcome.FAILED;
                };
            }

            @Override
            public void close() {
                // Connections stay in the JDK's keep-alive cache until the benchmark ends.
            }
        });
    }

    enum Outcome {
        BOUGHT,
        REFUSED,
        FAILED
    }

    interface Attempt extends AutoCloseable {
        Outcome attempt() throws Exception;
    }

    interface AttemptFactory {
        Attempt open() throws Exception;
    }

    /** N threads, each with its own connection or client, buying until the cell's time is up. */
    private Cell drive(int n, AttemptFactory factory) throws Exception {
        return drive(n, seconds, factory);
    }

    private Cell drive(int n, double forSeconds, AttemptFactory factory) throws Exception {
        long deadline = System.nanoTime() + (long) (forSeconds * 1e9);
        AtomicInteger bought = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[][] latencies = new long[n][];
        int[] counts = new int[n];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < n; t++) {
            long[] mine = new long[200_000];
            int[] count = new int[1];
            int slot = t;
            latencies[t] = mine;
            Thread thread = new Thread(() -> {
                try (Attempt attempt = factory.open()) {
                    while (System.nanoTime() < deadline && count[0] < mine.length) {
                        long began = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = attempt.attempt();
                        } catch (Exception e) {
                            outcome = Outcome.FAILED;
                        }
                        switch (outcome) {
                            case BOUGHT -> {
                                mine[count[0]++] = System.nanoTime() - began;
                                bought.incrementAndGet();
                            }
                            case REFUSED -> refused.incrementAndGet();
                            case FAILED -> failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("client could not start: " + e);
                }
                counts[slot] = count[0];
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = java.util.stream.IntStream.range(0, n)
                .mapToObj(t -> Arrays.stream(latencies[t], 0, counts[t]))
                .flatMapToLong(x -> x)
                .toArray();
        return new Cell(bought.get(), refused.get(), failed.get(), elapsed, all);
    }

    /** Nothing oversold and every ledger sums to its product's stock; prints what it found. */
    private static boolean check(Target target) throws SQLException {
        try (Connection c = connect(target);
                Statement s = c.createStatement()) {
            long conserved = single(
                    s, "SELECT COUNT(*) FROM product WHERE stock + units_sold <> " + OPENING_STOCK + " OR stock < 0");
            long ledger = single(
                    s,
                    "SELECT COUNT(*) FROM product p WHERE p.stock <> "
                            + "(SELECT COALESCE(SUM(m.delta), 0) FROM stock_movement m WHERE m.sku = p.sku)");
            long sold = single(s, "SELECT COALESCE(SUM(units_sold), 0) FROM product");
            long lines = single(s, "SELECT COALESCE(SUM(quantity), 0) FROM purchase_line");
            boolean ok = conserved == 0 && ledger == 0 && sold == lines;
            System.out.printf(
                    "check: units sold %d, purchase line units %d, products with stock+sold != opening: %d, "
                            + "products whose ledger does not sum to stock: %d -> %s%n",
                    sold, lines, conserved, ledger, ok ? "OK" : "BROKEN");
            return ok;
        }
    }

    /** Start to healthy of a server on a fresh embedded database, and the demo command end to end. */
    private void startAndDemo() throws Exception {
        Path dir = Files.createTempDirectory("stockroom-bench-start");
        Target fresh = new Target("SQLite", EmbeddedDatabaseEnvironment.sqliteUrl(dir), null, null);
        long began = System.nanoTime();
        Server server = Server.start(jar, fresh, dir);
        double healthy = (System.nanoTime() - began) / 1e9;
        server.stop();
        began = System.nanoTime();
        Process demo = new ProcessBuilder(
                        "java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "demo")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = demo.waitFor();
        double demoSeconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                "server start to healthy: %.1f s; demo end to end: %.1f s (exit %d)%n", healthy, demoSeconds, exit);
    }

    private static String pick(boolean flash) {
        return flash ? sku(0) : sku(ThreadLocalRandom.current().nextInt(PRODUCTS));
    }

    private static String sku(int i) {
        return String.format("BENCH-%04d", i);
    }

    private static String perSecond(Cell cell) {
        return String.format("%.0f", cell.perSecond());
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format("%.1f", millis);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Connection connect(Target target) throws SQLException {
        return target.user() == null
                ? DriverManager.getConnection(target.url())
                : DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
