package org.stockroom.channels;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

/**
 * Stockroom as a real process answers a signed channel order 200, is killed with SIGKILL before it
 * processed the delivery, and is started again on the same database: the order becomes its one
 * purchase after the restart. The first process receives but does not process
 * ({@code stockroom.channels.process-inbox=false}), so the kill falls exactly between the answer
 * and the processing, every time. Runs after packaging (failsafe), on SQLite and on PostgreSQL.
 */
class ChannelCrashIT {

    private static final String SECRET = "crash-test-secret";

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killWhateverIsLeft() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void onSqliteADeliveryAnswered200BeforeACrashBecomesItsPurchaseAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        crashAndRecover(
                List.of("--data", data.toString()),
                () -> DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stockroom.db")));
    }

    @Test
    void onPostgresqlADeliveryAnswered200BeforeACrashBecomesItsPurchaseAfterTheRestart() throws Exception {
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
        List<String> receiveOnly = new ArrayList<>(databaseArgs);
        receiveOnly.add("--stockroom.channels.process-inbox=false");
        Process first = start(port, receiveOnly, "first");
        Api api = new Api("http://127.0.0.1:" + port).withBasic("admin", ApiTestSupport.ADMIN_PASSWORD);
        assertThat(api.post(
                                "/api/products",
                                "{\"sku\":\"LAP-1\",\"name\":\"Laptop\",\"price\":999.00,\"stock\":10,\"reorderThreshold\":1}")
                        .status())
                .isEqualTo(201);
        // The shop's API is never reached in this test; only its webhooks come in.
        var channel = api.post(
                "/api/channels",
                "{\"type\":\"shopify\",\"name\":\"Main store\",\"shopDomain\":\"http://127.0.0.1:" + freePort()
                        + "\",\"accessToken\":\"shpat_x\",\"webhookSecret\":\"" + SECRET
                        + "\",\"locationId\":\"gid://shopify/Location/1\"}");
        assertThat(channel.status()).as(channel.text()).isEqualTo(201);
        String id = channel.json().path("id").asString();
        String body = Payloads.shopifyOrder(4242, "#4242", Payloads.shopifyLine(1, "LAP-1", 3));
        var delivered = new Api("http://127.0.0.1:" + port)
                .post(
                        "/api/channels/" + id + "/webhooks",
                        body,
                        Map.of(
                                "X-Shopify-Topic",
                                "orders/create",
                                "X-Shopify-Hmac-Sha256",
                                Payloads.sign(body, SECRET)));
        assertThat(delivered.status()).isEqualTo(200);

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Connection connection = database.connect()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM purchase")
                            .query(Long.class)
                            .single())
                    .as("nothing processed before the kill")
                    .isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM channel_inbox WHERE status = 'PENDING'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        start(port, databaseArgs, "second");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long purchases = 0;
        while (Instant.now().isBefore(deadline) && purchases == 0) {
            purchases = api.get("/api/purchases").json().path("total").asLong();
            Thread.sleep(200);
        }
        assertThat(purchases).as("the order processed after the restart").isEqualTo(1);
        assertThat(api.get("/api/products/LAP-1").json().path("stock").asLong()).isEqualTo(7);
        assertThat(api.get("/api/purchases")
                        .json()
                        .path("items")
                        .get(0)
                        .path("reference")
                        .asString())
                .isEqualTo("Main store #4242");
    }

    private Process start(int port, List<String> args, String name) throws Exception {
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
                "--stockroom.channels.allow-private-addresses=true",
                "--" + ApiTestSupport.FAST_PASSWORD_HASHES));
        command.addAll(args);
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
