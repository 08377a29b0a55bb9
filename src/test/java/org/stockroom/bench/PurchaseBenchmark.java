package org.stockroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    private final int[] clients;
    private final Path jar;

    PurchaseBenchmark(double seconds, int[] clients, Path jar) {
        this.seconds = seconds;
        this.clients = clients;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        int[] clients = {1, 8, 32, 128};
        Path jar = Path.of("target/stockroom.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --seconds S, --clients 1,8,32,128, --jar PATH)");
            }
        }
        List<Target> targets = new ArrayList<>();
        Path sqliteDir = Files.createTempDirectory("stockroom-bench");
        targets.add(new Target("SQLite", EmbeddedDatabaseEnvironment.sqliteUrl(sqliteDir), null, null));
        String pgUrl = System.getenv("STOCKROOM_BENCH_POSTGRES_URL");
        if (pgUrl != null && !pgUrl.isBlank()) {
            targets.add(new Target("PostgreSQL", pgUrl, System.getenv("STOCKROOM_BENCH_POSTGRES_USER"),
                    System.getenv("STOCKROOM_BENCH_POSTGRES_PASSWORD")));
        }
        System.out.printf("cores: %d, load average at start: %s, %.1f s per cell%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), seconds);
        PurchaseBenchmark bench = new PurchaseBenchmark(seconds, clients, jar);
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
        long[][] limitSpread = new long[clients.length][];
        List<String[]> rows = new ArrayList<>();
        for (boolean flash : new boolean[] {false, true}) {
            String workload = flash ? "flash sale (1 product)" : "1,000 products";
            Cell[] limits = new Cell[clients.length];
            for (int i = 0; i < clients.length; i++) {
                limits[i] = limit(target, clients[i], flash);
            }
            Cell[] served = new Cell[clients.length];
            Server server = Server.start(jar, target, sqliteDir);
            try {
                // The first requests pay for class loading and the JIT; one discarded cell keeps them out of the figures.
                http(server.port(), 8, flash);
                for (int i = 0; i < clients.length; i++) {
                    served[i] = http(server.port(), clients[i], flash);
                }
            } finally {
                server.stop();
            }
            for (int i = 0; i < clients.length; i++) {
                rows.add(new String[] {workload, String.valueOf(clients[i]),
                    String.format("%.0f", limits[i].perSecond()), ms(limits[i].percentileMillis(.5)), ms(limits[i].percentileMillis(.99)),
                    String.format("%.0f", served[i].perSecond()), ms(served[i].percentileMillis(.5)), ms(served[i].percentileMillis(.99)),
                    String.format("%.2f", served[i].perSecond() / limits[i].perSecond()),
                    String.valueOf(limits[i].refused() + served[i].refused()), String.valueOf(limits[i].failed() + served[i].failed())});
            }
        }
        System.out.println("| workload | clients | limit /s | limit p50 ms | limit p99 ms | Stockroom /s | Stockroom p50 ms "
                + "| Stockroom p99 ms | Stockroom/limit | 409s | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        return check(target);
    }

    /** A fresh schema through the same migrations the server runs, and 1,000 products with their opening ledger rows. */
    private static void prepare(Target target) throws SQLException {
        if (target.postgres()) {
            try (Connection c = connect(target); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .placeholders(Map.of(
                        "id", target.postgres() ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT",
                        "text", target.postgres() ? "TEXT COLLATE \"C\"" : "TEXT"))
                .load()
                .migrate();
        long now = System.currentTimeMillis();
        try (Connection c = connect(target)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO product (sku, name, name_key, price, stock, reorder_threshold, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 19990, ?, 5, ?, ?)");
                 PreparedStatement m = c.prepareStatement("INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, at) "
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

    /** The statements Stockroom issues for a one-line purchase without an idempotency key, one transaction each. */
    private Cell limit(Target target, int n, boolean flash) throws Exception {
        AtomicInteger ids = new AtomicInteger();
        return drive(n, () -> {
            Connection c = connect(target);
            c.setAutoCommit(false);
            PreparedStatement update = c.prepareStatement("UPDATE product SET stock = stock + ?, units_sold = units_sold + ?, updated_at = ? "
                    + "WHERE sku = ? AND archived = FALSE AND stock + ? >= 0 AND units_sold + ? >= 0 "
                    + "RETURNING sku, name, price, stock, reorder_threshold, units_sold, cost, archived");
            PreparedStatement movement = c.prepareStatement("INSERT INTO stock_movement (sku, type, reason, delta, balance_after, actor, note, "
                    + "purchase_id, at) VALUES (?, 'SALE', NULL, ?, ?, 'system', NULL, ?, ?) RETURNING id");
            PreparedStatement purchase = c.prepareStatement("INSERT INTO purchase (id, reference, total, actor, created_at) VALUES (?, NULL, ?, 'system', ?)");
            PreparedStatement line = c.prepareStatement("INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, "
                    + "unit_cost, line_total) VALUES (?, 1, ?, ?, 1, ?, NULL, ?)");
            return new Attempt() {
                @Override
                public Outcome attempt() throws Exception {
                    String sku = pick(flash);
                    String id = "L" + System.nanoTime() + "-" + ids.incrementAndGet();
                    long now = System.currentTimeMillis();
                    update.setLong(1, -1);
                    update.setLong(2, 1);
                    update.setLong(3, now);
                    update.setString(4, sku);
                    update.setLong(5, -1);
                    update.setLong(6, 1);
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
                    movement.setString(1, sku);
                    movement.setLong(2, -1);
                    movement.setLong(3, stock);
                    movement.setString(4, id);
                    movement.setLong(5, now);
                    try (ResultSet rs = movement.executeQuery()) {
                        rs.next();
                    }
                    purchase.setString(1, id);
                    purchase.setLong(2, price);
                    purchase.setLong(3, now);
                    purchase.executeUpdate();
                    line.setString(1, id);
                    line.setString(2, sku);
                    line.setString(3, name);
                    line.setLong(4, price);
                    line.setLong(5, price);
                    line.executeUpdate();
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

    private Cell http(int port, int n, boolean flash) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/purchases");
        return drive(n, () -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            return new Attempt() {
                @Override
                public Outcome attempt() throws Exception {
                    String body = "{\"lines\":[{\"sku\":\"" + pick(flash) + "\",\"quantity\":1}]}";
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return switch (response.statusCode()) {
                        case 201, 200 -> Outcome.BOUGHT;
                        case 409 -> Outcome.REFUSED;
                        default -> Outcome.FAILED;
                    };
                }

                @Override
                public void close() {
                    // HttpClient has no close() on Java 17; its connections go with the client.
                }
            };
        });
    }

    enum Outcome { BOUGHT, REFUSED, FAILED }

    interface Attempt extends AutoCloseable {
        Outcome attempt() throws Exception;
    }

    interface AttemptFactory {
        Attempt open() throws Exception;
    }

    /** N threads, each with its own connection or client, buying until the cell's time is up. */
    private Cell drive(int n, AttemptFactory factory) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
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
        long[] all = java.util.stream.IntStream.range(0, n).mapToObj(t -> Arrays.stream(latencies[t], 0, counts[t]))
                .flatMapToLong(x -> x).toArray();
        return new Cell(bought.get(), refused.get(), failed.get(), elapsed, all);
    }

    /** Nothing oversold and every ledger sums to its product's stock; prints what it found. */
    private static boolean check(Target target) throws SQLException {
        try (Connection c = connect(target); Statement s = c.createStatement()) {
            long conserved = single(s, "SELECT COUNT(*) FROM product WHERE stock + units_sold <> " + OPENING_STOCK + " OR stock < 0");
            long ledger = single(s, "SELECT COUNT(*) FROM product p WHERE p.stock <> "
                    + "(SELECT COALESCE(SUM(m.delta), 0) FROM stock_movement m WHERE m.sku = p.sku)");
            long sold = single(s, "SELECT COALESCE(SUM(units_sold), 0) FROM product");
            long lines = single(s, "SELECT COALESCE(SUM(quantity), 0) FROM purchase_line");
            boolean ok = conserved == 0 && ledger == 0 && sold == lines;
            System.out.printf("check: units sold %d, purchase line units %d, products with stock+sold != opening: %d, "
                    + "products whose ledger does not sum to stock: %d -> %s%n", sold, lines, conserved, ledger, ok ? "OK" : "BROKEN");
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
        Process demo = new ProcessBuilder("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "demo")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = demo.waitFor();
        double demoSeconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("server start to healthy: %.1f s; demo end to end: %.1f s (exit %d)%n", healthy, demoSeconds, exit);
    }

    private static String pick(boolean flash) {
        return flash ? sku(0) : sku(ThreadLocalRandom.current().nextInt(PRODUCTS));
    }

    private static String sku(int i) {
        return String.format("BENCH-%04d", i);
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
        return target.user() == null ? DriverManager.getConnection(target.url()) : DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
