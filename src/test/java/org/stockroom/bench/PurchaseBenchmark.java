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

    record Cell(int purchases, int refused, int failed, double seconds, long[] latenciesNanos, long serverCpuNanos) {
        Cell(int purchases, int refused, int failed, double seconds, long[] latenciesNanos) {
            this(purchases, refused, failed, seconds, latenciesNanos, -1);
        }

        Cell withServerCpu(long nanos) {
            return new Cell(purchases, refused, failed, seconds, latenciesNanos, nanos);
        }

        double perSecond() {
            return purchases / seconds;
        }

        /** The server's CPU time (all its threads, user and system) divided by the purchases it made. */
        String cpuMillisPerPurchase() {
            return serverCpuNanos < 0 || purchases == 0 ? "-" : String.format("%.2f", serverCpuNanos / 1e6 / purchases);
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
    private final Path launcher;
    private final boolean fullLimit;

    PurchaseBenchmark(double seconds, double warmup, int[] clients, Path launcher, boolean fullLimit) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.clients = clients;
        this.launcher = launcher;
        this.fullLimit = fullLimit;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        double warmup = 40;
        int[] clients = {1, 8, 32, 128};
        Path launcher = Path.of("stockroom").toAbsolutePath();
        boolean fullLimit = false;
        double profile = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--clients" ->
                    clients = Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                case "--full-limit" -> fullLimit = true;
                case "--profile" -> profile = Double.parseDouble(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (options: --seconds S, --warmup S, --clients 1,8,32,128, --launcher ./stockroom,"
                            + " --full-limit, --profile S)");
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
        PurchaseBenchmark bench = new PurchaseBenchmark(seconds, warmup, clients, launcher, fullLimit);
        if (profile > 0) {
            Target target = targets.get(targets.size() - 1);
            prepare(target);
            bench.profile(target, sqliteDir, profile);
            return;
        }
        for (Target target : targets) {
            if (target.postgres()) {
                bench.enoughConnections(target);
            }
        }
        bench.startAndCommands(targets);
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
            Cell[] full = new Cell[clients.length];
            for (int i = 0; i < clients.length; i++) {
                limits[i] = target.postgres() && Pgbench.available()
                        ? Pgbench.essential(target, clients[i], flash, seconds)
                        : essential(target, clients[i], flash);
                full[i] = fullLimit ? limit(target, clients[i], flash) : null;
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
                    grouped[i].cpuMillisPerPurchase(),
                    perSecond(alone[i]),
                    ms(alone[i].percentileMillis(.99)),
                    String.format("%.2f", alone[i].perSecond() / limits[i].perSecond()),
                    alone[i].cpuMillisPerPurchase(),
                    full[i] == null ? "-" : perSecond(full[i]),
                    String.valueOf(limits[i].refused() + grouped[i].refused() + alone[i].refused()),
                    String.valueOf(limits[i].failed() + grouped[i].failed() + alone[i].failed())
                });
            }
        }
        System.out.printf("load average after %s: %s%n", target.name(), loadAverage());
        System.out.println(
                "| workload | clients | limit /s | limit p50 ms | limit p99 ms | group commit /s | p50 ms | p99 ms "
                        + "| ratio | server CPU ms/purchase | one tx per purchase /s | p99 ms | ratio "
                        + "| server CPU ms/purchase | full-SQL limit /s | 409s | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        System.out.println("limit = " + (target.postgres() && Pgbench.available() ? "pgbench" : "JDBC")
                + ", one transaction per purchase: insert purchase, conditional stock update, insert line, insert ledger"
                + " row"
                + (target.postgres()
                        ? ""
                        : "; the same SQLite URL (and synchronous setting) as the server: "
                                + target.url().substring(target.url().indexOf('?') + 1)));
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        targets.forEach(System.out::println);
        return check(target) & importAndCopy(target, sqliteDir);
    }

    /** The target for 32 clients: Stockroom (group commit) at least 2× the limit (5× for a flash sale on PostgreSQL), p99 under 50 ms. */
    private static String target(Target target, boolean flash, Cell limit, Cell served) {
        double wanted = flash && target.postgres() ? 5 : 2;
        String cpu = String.format(
                "; server CPU %s ms per purchase (target ≤ 0.5: %s)",
                served.cpuMillisPerPurchase(),
                served.serverCpuNanos() >= 0 && served.serverCpuNanos() / 1e6 / served.purchases() <= 0.5
                        ? "MET"
                        : "NOT MET");
        if (flash && !target.postgres()) {
            return String.format(
                    "target (%s, flash sale, 32 clients): none set; %.2f× the limit, p99 %.1f ms%s",
                    target.name(), served.perSecond() / limit.perSecond(), served.percentileMillis(.99), cpu);
        }
        double ratio = served.perSecond() / limit.perSecond();
        double p99 = served.percentileMillis(.99);
        return String.format(
                "target (%s, %s, 32 clients): ≥ %.0f× the limit and p99 < 50 ms: %.2f×, p99 %.1f ms -> %s%s",
                target.name(),
                flash ? "flash sale" : "1,000 products",
                wanted,
                ratio,
                p99,
                ratio >= wanted && p99 < 50 ? "MET" : "NOT MET",
                cpu);
    }

    /**
     * A flight recording of a server (group commit on) under 32 token-authenticated clients buying
     * over 1,000 products, after the warm-up, and what it shows.
     */
    private void profile(Target target, Path sqliteDir, double forSeconds) throws Exception {
        Path recording = Files.createTempFile("stockroom-bench", ".jfr");
        Server server = Server.start(
                launcher,
                target,
                sqliteDir,
                Map.of(
                        "STOCKROOM_JAVA_OPTS",
                        "-XX:StartFlightRecording=settings=profile,filename=" + recording + ",dumponexit=true"));
        try {
            String token = server.apiToken();
            http(server.port(), token, 32, false, warmup);
            long cpu = server.cpuNanos();
            // 32 clients unless one client count was asked for.
            int n = clients.length == 1 ? clients[0] : 32;
            Cell cell = http(server.port(), token, n, false, forSeconds).withServerCpu(0);
            cell = cell.withServerCpu(server.cpuNanos() - cpu);
            System.out.printf(
                    "profiled %s, %d clients: %.0f purchases/s, p99 %.1f ms, server CPU %s ms per purchase, load average %s%n",
                    target.name(),
                    n,
                    cell.perSecond(),
                    cell.percentileMillis(.99),
                    cell.cpuMillisPerPurchase(),
                    loadAverage());
        } finally {
            server.stop();
        }
        // The recording covers the start and the warm-up too; only request and writer threads are counted.
        Profile.print(recording);
        System.out.println("recording: " + recording + " (jfr print --events jdk.ExecutionSample " + recording + ")");
    }

    /** Stockroom over HTTP for every client count, on one server started with group commit on or off. */
    private Cell[] served(Target target, Path sqliteDir, boolean flash, boolean groupCommit) throws Exception {
        Cell[] cells = new Cell[clients.length];
        Server server = Server.start(
                launcher, target, sqliteDir, Map.of("STOCKROOM_PURCHASES_GROUP_COMMIT", String.valueOf(groupCommit)));
        try {
            String token = server.apiToken();
            // The first requests pay for class loading and the JIT; a discarded warm-up keeps them out of the figures.
            http(server.port(), token, 32, flash, warmup);
            for (int i = 0; i < clients.length; i++) {
                long cpu = server.cpuNanos();
                Cell cell = http(server.port(), token, clients[i], flash);
                cells[i] = cell.withServerCpu(server.cpuNanos() - cpu);
            }
        } finally {
            server.stop();
        }
        return cells;
    }

    /**
     * A fresh schema through the migrations the server runs (the shared ones and the engine's own,
     * as in application.properties), and 1,000 products with their opening ledger rows.
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
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, slot) DO UPDATE SET "
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

    /**
     * Start to healthy of a server on a fresh embedded database (as {@code ./stockroom serve} starts
     * it, with its class-data archive and a 256 MB heap), a command that does not serve ({@code
     * products list}, median of 3), and the demo end to end.
     */
    private void startAndCommands(List<Target> targets) throws Exception {
        Path dir = Files.createTempDirectory("stockroom-bench-start");
        Target fresh = new Target("SQLite", EmbeddedDatabaseEnvironment.sqliteUrl(dir), null, null);
        double[] starts = new double[3];
        for (int i = 0; i < starts.length; i++) {
            long began = System.nanoTime();
            Server server = Server.start(launcher, fresh, dir);
            starts[i] = (System.nanoTime() - began) / 1e9;
            server.stop();
        }
        double demo = command(null, "demo");
        double[] lists = new double[3];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = command(dir, "products", "list");
        }
        Arrays.sort(starts);
        Arrays.sort(lists);
        System.out.println("./stockroom runs " + java() + " (see the launcher for how it chooses)");
        System.out.printf(
                "server start to healthy (median of 3, fresh embedded database, heap %s): %.2f s (target < 3 s: %s)%n",
                Server.HEAP, starts[1], starts[1] < 3 ? "MET" : "NOT MET");
        System.out.printf(
                "products list, wall (median of 3): %.2f s (target < 1 s: %s); demo end to end: %.1f s%n",
                lists[1], lists[1] < 1 ? "MET" : "NOT MET", demo);
    }

    /** The Java that {@code ./stockroom} runs on, as its {@code --version} says. */
    private String java() throws Exception {
        Process process = new ProcessBuilder(launcher.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return said.lines()
                .filter(line -> line.startsWith("on Java "))
                .findFirst()
                .orElse("on an unknown Java")
                .substring("on ".length());
    }

    /** Runs a command on {@code dataDir}, or on its own throwaway database when null (the demo). */
    private double command(Path dataDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        if (dataDir != null) {
            command.addAll(List.of("--data", dataDir.toString()));
        }
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - began) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return wall;
    }

    static final int IMPORT_ROWS = 100_000;

    /**
     * A catalog CSV of 100,000 new products through {@code ./stockroom import} (wall time, start
     * included), next to PostgreSQL's own {@code COPY} of the same rows into a table of the same
     * columns. It runs after the purchase cells, so the imported products do not change those.
     */
    private boolean importAndCopy(Target target, Path sqliteDir) throws Exception {
        Path csv = Files.createTempFile("stockroom-bench-import", ".csv");
        StringBuilder text = new StringBuilder("sku,name,price,stock,reorder_threshold\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            text.append("IMP-")
                    .append(i)
                    .append(",Imported product ")
                    .append(i)
                    .append(',')
                    .append(1 + i % 500)
                    .append(".99,")
                    .append(i % 100)
                    .append(",5\n");
        }
        Files.writeString(csv, text);
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "import", csv.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (target.postgres()) {
            builder.environment().put("SPRING_DATASOURCE_URL", target.url());
            builder.environment().put("SPRING_DATASOURCE_USERNAME", target.user());
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", target.password());
        } else {
            command.addAll(List.of("--data", sqliteDir.toString()));
            builder.command(command);
        }
        Path log = Files.createTempFile("stockroom-bench-import", ".log");
        builder.redirectOutput(log.toFile());
        long began = System.nanoTime();
        int exit = builder.start().waitFor();
        double imported = (System.nanoTime() - began) / 1e9;
        String copy = "-";
        if (target.postgres()) {
            try (Connection c = connect(target);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE copied (sku TEXT PRIMARY KEY, name TEXT NOT NULL, "
                        + "price NUMERIC NOT NULL, stock BIGINT NOT NULL, reorder_threshold BIGINT NOT NULL)");
                long copyBegan = System.nanoTime();
                try (var reader = Files.newBufferedReader(csv)) {
                    c.unwrap(org.postgresql.PGConnection.class)
                            .getCopyAPI()
                            .copyIn("COPY copied FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
                copy = String.format("%.2f s", (System.nanoTime() - copyBegan) / 1e9);
            }
        }
        System.out.printf(
                "import of %,d CSV rows (./stockroom import, start included): %.1f s, exit %d (target < 10 s: %s);"
                        + " PostgreSQL COPY of the same rows: %s%n",
                IMPORT_ROWS, imported, exit, exit == 0 && imported < 10 ? "MET" : "NOT MET", copy);
        if (exit != 0) {
            System.out.println("import output: " + log);
        }
        return exit == 0;
    }

    /**
     * The limit: the essential SQL of a one-line purchase over JDBC, one transaction per purchase,
     * as pgbench would run it: insert the purchase, the conditional stock update, insert the line,
     * insert the ledger row. (PostgreSQL's limit comes from pgbench itself when it is installed.)
     */
    private Cell essential(Target target, int n, boolean flash) throws Exception {
        AtomicInteger ids = new AtomicInteger();
        return drive(n, () -> {
            Connection c = connect(target);
            c.setAutoCommit(false);
            PreparedStatement purchase = c.prepareStatement(
                    "INSERT INTO purchase (id, reference, total, actor, created_at) VALUES (?, NULL, ?, ?, ?)");
            PreparedStatement update = c.prepareStatement(
                    "UPDATE product SET stock = stock - 1, units_sold = units_sold + 1, updated_at = ? "
                            + "WHERE sku = ? AND stock >= 1 RETURNING name, price, stock");
            PreparedStatement line = c.prepareStatement(
                    "INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, "
                            + "unit_cost, line_total) VALUES (?, 1, ?, ?, 1, ?, NULL, ?)");
            PreparedStatement movement = c.prepareStatement(
                    "INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, "
                            + "purchase_id, at) VALUES (?, 'SALE', NULL, -1, ?, ?, NULL, ?, ?)");
            return new Attempt() {
                @Override
                public Outcome attempt() throws Exception {
                    String sku = pick(flash);
                    String id = "E" + System.nanoTime() + "-" + ids.incrementAndGet();
                    long now = System.currentTimeMillis();
                    setAll(purchase, id, 19990L, ACTOR, now);
                    purchase.executeUpdate();
                    setAll(update, now, sku);
                    String name;
                    long price;
                    long stock;
                    try (ResultSet rs = update.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Outcome.REFUSED;
                        }
                        name = rs.getString(1);
                        price = rs.getLong(2);
                        stock = rs.getLong(3);
                    }
                    setAll(line, id, sku, name, price, price);
                    line.executeUpdate();
                    setAll(movement, sku, stock, ACTOR, id, now);
                    movement.executeUpdate();
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

    /** The largest cell's clients (pgbench's, then the HTTP clients) and the server's pool must fit, or the run stops halfway. */
    private void enoughConnections(Target target) throws SQLException {
        int needed = java.util.Arrays.stream(clients).max().orElse(0) + 40;
        try (Connection c = connect(target);
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SHOW max_connections")) {
            rs.next();
            int max = Integer.parseInt(rs.getString(1));
            if (max < needed) {
                throw new IllegalStateException("PostgreSQL allows " + max + " connections; this run needs "
                        + needed + " (ALTER SYSTEM SET max_connections = " + Math.max(needed, 300)
                        + ", then restart PostgreSQL)");
            }
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
