package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

/**
 * Stockroom as a real process ({@code java -jar target/stockroom.jar serve}), killed with SIGKILL
 * while buyers are sending purchases, then started again on the same database. Every purchase it
 * acknowledged must be there, nothing unacknowledged may be half there, the books must balance,
 * and a purchase retried with its Idempotency-Key after the restart is applied exactly once.
 * Runs after packaging (failsafe), on SQLite and on PostgreSQL.
 */
class CrashSafetyIT {

    private static final List<String> SKUS = List.of("HOT-A", "HOT-B", "HOT-C");
    private static final long INITIAL = 400;
    private static final long THRESHOLD = 330;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killWhateverIsLeft() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void onSqliteEveryAcknowledgedPurchaseSurvivesSigkillAndNothingIsHalfApplied() throws Exception {
        Path data = dir.resolve("data");
        crashAndRecover(
                List.of("--data", data.toString()),
                () -> DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stockroom.db")));
    }

    @Test
    void onPostgresqlEveryAcknowledgedPurchaseSurvivesSigkillAndNothingIsHalfApplied() throws Exception {
        if (!PostgresTestDatabase.available() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(
                    "CI must run the crash test on PostgreSQL too: " + PostgresTestDatabase.HOW_TO_RUN);
        }
        assumeTrue(PostgresTestDatabase.available(), "PostgreSQL tests skipped: " + PostgresTestDatabase.HOW_TO_RUN);
        String schema = PostgresTestDatabase.schemaFor(dir.resolve("data"));
        List<String> args = new ArrayList<>();
        PostgresTestDatabase.datasourceProperties(schema).forEach((k, v) -> args.add("--" + k + "=" + v));
        crashAndRecover(
                args,
                () -> DriverManager.getConnection(
                        PostgresTestDatabase.schemaUrl(schema),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password()));
    }

    interface Connector {
        Connection connect() throws SQLException;
    }

    private void crashAndRecover(List<String> databaseArgs, Connector database) throws Exception {
        int port = freePort();
        Process first = start(port, databaseArgs, "first");
        Api api = new Api("http://127.0.0.1:" + port).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        for (String sku : SKUS) {
            Api.Response r = api.post(
                    "/api/products",
                    "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + "\",\"price\":3.10,\"stock\":" + INITIAL
                            + ",\"reorderThreshold\":" + THRESHOLD + "}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService buyers = Executors.newFixedThreadPool(8);
        for (int b = 0; b < 8; b++) {
            int buyer = b;
            buyers.submit(() -> {
                Random random = new Random(buyer);
                while (!killed.get()) {
                    String key = "buyer-" + buyer + "-" + sent.incrementAndGet();
                    String body = order(random);
                    try {
                        Api.Response r = api.post("/api/purchases", body, Map.of("Idempotency-Key", key));
                        if (r.status() == 201) {
                            acknowledged.put(key, r.json().get("id").asString() + "\n" + body);
                        } else if (r.status() != 409) {
                            unanswered.put(key, body);
                        }
                    } catch (RuntimeException e) {
                        unanswered.put(key, body);
                        if (killed.get()) {
                            return;
                        }
                    }
                }
            });
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (acknowledged.size() < 120 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        first.destroyForcibly();
        killed.set(true);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        buyers.shutdown();
        assertThat(buyers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("purchases acknowledged before the kill").hasSizeGreaterThanOrEqualTo(120);

        start(port, databaseArgs, "second");
        try (Connection connection = database.connect()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            Set<String> recorded = new HashSet<>(
                    jdbc.sql("SELECT id FROM purchase").query(String.class).list());
            Set<String> acknowledgedIds = new HashSet<>();
            acknowledged.values().forEach(v -> acknowledgedIds.add(v.substring(0, v.indexOf('\n'))));
            assertThat(recorded).as("every acknowledged purchase is there").containsAll(acknowledgedIds);
            assertThat(recorded.size() - acknowledgedIds.size())
                    .as("unacknowledged purchases that did commit")
                    .isLessThanOrEqualTo(unanswered.size());
            assertBooksBalance(jdbc);

            // Retried after the restart: an acknowledged purchase answers the first one; an unanswered one is applied
            // once.
            String done = acknowledged.keySet().iterator().next();
            String doneBody =
                    acknowledged.get(done).substring(acknowledged.get(done).indexOf('\n') + 1);
            Api.Response replay = api.post("/api/purchases", doneBody, Map.of("Idempotency-Key", done));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.json().get("id").asString())
                    .isEqualTo(acknowledged
                            .get(done)
                            .substring(0, acknowledged.get(done).indexOf('\n')));
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

            long before =
                    jdbc.sql("SELECT COUNT(*) FROM purchase").query(Long.class).single();
            Set<String> retriedIds = new HashSet<>();
            for (Map.Entry<String, String> e : unanswered.entrySet()) {
                Api.Response once = api.post("/api/purchases", e.getValue(), Map.of("Idempotency-Key", e.getKey()));
                Api.Response twice = api.post("/api/purchases", e.getValue(), Map.of("Idempotency-Key", e.getKey()));
                assertThat(once.status()).as(once.toString()).isEqualTo(201);
                assertThat(twice.json().get("id").asString())
                        .isEqualTo(once.json().get("id").asString());
                if (!recorded.contains(once.json().get("id").asString())) {
                    retriedIds.add(once.json().get("id").asString());
                }
            }
            long after =
                    jdbc.sql("SELECT COUNT(*) FROM purchase").query(Long.class).single();
            assertThat(after - before)
                    .as("each retried purchase applied exactly once")
                    .isEqualTo(retriedIds.size());
            assertBooksBalance(jdbc);
        }
    }

    /** For every product: stock + sold = initial, the ledger sums to the stock, the lines to units sold, one open alert when low. */
    private static void assertBooksBalance(JdbcClient jdbc) {
        for (String sku : SKUS) {
            Map<String, Object> row = jdbc.sql("SELECT stock, units_sold FROM product WHERE sku = :sku")
                    .param("sku", sku)
                    .query()
                    .singleRow();
            long stock = ((Number) row.get("stock")).longValue();
            long sold = ((Number) row.get("units_sold")).longValue();
            assertThat(stock).isGreaterThanOrEqualTo(0);
            assertThat(stock + sold).as(sku + " stock + sold").isEqualTo(INITIAL);
            assertThat(sum(jdbc, "SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku", sku))
                    .as(sku + " ledger")
                    .isEqualTo(stock);
            assertThat(sum(jdbc, "SELECT COALESCE(SUM(quantity), 0) FROM purchase_line WHERE sku = :sku", sku))
                    .as(sku + " lines")
                    .isEqualTo(sold);
            assertThat(sum(jdbc, "SELECT COUNT(*) FROM restock_alert WHERE sku = :sku AND resolved_at IS NULL", sku))
                    .as(sku + " open alerts")
                    .isEqualTo(stock <= THRESHOLD ? 1 : 0);
        }
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM purchase p WHERE NOT EXISTS (SELECT 1 FROM purchase_line l WHERE l.purchase_id = p.id)")
                        .query(Long.class)
                        .single())
                .as("purchases without lines")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement m WHERE m.purchase_id IS NOT NULL "
                                + "AND NOT EXISTS (SELECT 1 FROM purchase p WHERE p.id = m.purchase_id)")
                        .query(Long.class)
                        .single())
                .as("sales in the ledger without a purchase")
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM idempotency_key k WHERE NOT EXISTS (SELECT 1 FROM purchase p WHERE p.id = k.purchase_id)")
                        .query(Long.class)
                        .single())
                .as("keys without their purchase")
                .isZero();
    }

    private static long sum(JdbcClient jdbc, String sql, String sku) {
        return jdbc.sql(sql).param("sku", sku).query(Long.class).single();
    }

    private static String order(Random random) {
        List<String> skus = new ArrayList<>(SKUS);
        java.util.Collections.shuffle(skus, random);
        int lines = 1 + random.nextInt(2);
        StringBuilder body = new StringBuilder("{\"reference\":\"crash-test\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(skus.get(i))
                    .append("\",\"quantity\":1}");
        }
        return body.append("]}").toString();
    }

    private Process start(int port, List<String> databaseArgs, String name) throws Exception {
        Path jar = Path.of("target", "stockroom.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--" + ApiTestSupport.FAST_PASSWORD_HASHES));
        command.addAll(databaseArgs);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STOCKROOM_ADMIN_PASSWORD", ApiTestSupport.ADMIN_PASSWORD);
        Process process = builder.start();
        processes.add(process);
        Api api = new Api("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "Stockroom exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Stockroom did not start within 3 minutes:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
