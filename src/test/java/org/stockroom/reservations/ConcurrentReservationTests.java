package org.stockroom.reservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.stockroom.reservations.ReservationApiTests.reservation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

/** Holds under concurrency: never more held than available, and each reservation ends exactly once. */
class ConcurrentReservationTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reservations reservations;

    @Test
    void oneHundredTwentyReservationsOfOneAgainstFiftyAvailableHoldExactlyFifty() throws Exception {
        api.post("/api/products", product("HOT-1", "10.00", 50, 5));

        List<Api.Response> answers =
                AllAtOnce.send(120, 120, i -> () -> api.post("/api/reservations", reservation("HOT-1", 1)));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(50);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(70);
        var product = api.get("/api/products/HOT-1").json();
        assertThat(product.get("stock").asLong()).isEqualTo(50);
        assertThat(product.get("reserved").asLong()).isEqualTo(50);
        assertThat(product.get("available").asLong()).isZero();
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE status = 'ACTIVE'"))
                .isEqualTo(50);
        assertVerified();
    }

    @Test
    void reservationsRacingPurchasesNeverTakeMoreThanIsOnHand() throws Exception {
        api.post("/api/products", product("HOT-2", "10.00", 50, 5));

        List<Api.Response> answers = AllAtOnce.send(
                120,
                120,
                i -> () -> i % 2 == 0
                        ? api.post("/api/reservations", reservation("HOT-2", 1))
                        : api.post("/api/purchases", purchase("HOT-2", 1)));

        long held = answers.stream()
                .filter(a -> a.status() == 201 && a.json().has("expiresAt"))
                .count();
        long sold = answers.stream()
                .filter(a -> a.status() == 201 && !a.json().has("expiresAt"))
                .count();
        assertThat(held + sold).isEqualTo(50);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(70);
        var product = api.get("/api/products/HOT-2").json();
        assertThat(product.get("stock").asLong()).isEqualTo(50 - sold);
        assertThat(product.get("reserved").asLong()).isEqualTo(held);
        assertThat(product.get("available").asLong()).isZero();
        assertVerified();
    }

    /**
     * Each reservation is committed, released and (made due) expired at the same moment: exactly one
     * of the three wins, and the units either left as one sale or came back once.
     */
    @Test
    void commitRacingReleaseAndExpiryHasExactlyOneWinner() throws Exception {
        api.post("/api/products", product("RACE-1", "10.00", 40, 0));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.post("/api/reservations", reservation("RACE-1", 2))
                    .json()
                    .get("id")
                    .asString());
        }
        // Due a little after the racers start: commits that come first win, the sweeper takes the rest.
        jdbc.sql("UPDATE reservation SET expires_at = :at")
                .param("at", System.currentTimeMillis() + 150)
                .update();

        List<Api.Response> answers = AllAtOnce.send(
                40,
                40,
                i -> () -> i % 2 == 0
                        ? api.post("/api/reservations/" + ids.get(i / 2) + "/commit", "")
                        : api.delete("/api/reservations/" + ids.get(i / 2)));
        reservations.expireDue();
        Thread.sleep(300);
        reservations.expireDue();

        for (int i = 0; i < ids.size(); i++) {
            Api.Response commit = answers.get(2 * i);
            Api.Response release = answers.get(2 * i + 1);
            String status = jdbc.sql("SELECT status FROM reservation WHERE id = :id")
                    .param("id", ids.get(i))
                    .query(String.class)
                    .single();
            if (status.equals("COMMITTED")) {
                assertThat(commit.status()).isEqualTo(201);
                assertThat(release.status()).isEqualTo(409);
            } else {
                assertThat(status).isIn("RELEASED", "EXPIRED");
                assertThat(commit.status()).isEqualTo(409);
                assertThat(release.status()).isEqualTo(204);
            }
        }
        long committed = count("SELECT COUNT(*) FROM reservation WHERE status = 'COMMITTED'");
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(committed);
        var product = api.get("/api/products/RACE-1").json();
        assertThat(product.get("stock").asLong()).isEqualTo(40 - 2 * committed);
        assertThat(product.get("reserved").asLong()).isZero();
        assertVerified();
    }

    @Test
    void manyDueReservationsExpireWhileSalesGoOnAndEveryUnitComesBackOnce() throws Exception {
        api.post("/api/products", product("EXP-1", "1.00", 200, 0));
        AllAtOnce.send(100, 20, i -> () -> api.post("/api/reservations", reservation("EXP-1", 1)));
        jdbc.sql("UPDATE reservation SET expires_at = :at")
                .param("at", System.currentTimeMillis())
                .update();

        List<Api.Response> sales = AllAtOnce.send(150, 20, i -> () -> api.post("/api/purchases", purchase("EXP-1", 1)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count("SELECT COUNT(*) FROM reservation WHERE status = 'ACTIVE'") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(sales).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE status = 'EXPIRED'"))
                .isEqualTo(100);
        var product = api.get("/api/products/EXP-1").json();
        assertThat(product.get("reserved").asLong()).isZero();
        assertThat(product.get("stock").asLong()).isEqualTo(50);
        assertVerified();
    }

    private void assertVerified() {
        var verify = api.get("/api/admin/verify").json();
        assertThat(verify.get("discrepancies")).as("verify discrepancies").isEmpty();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void committingAHeldBundleLocksTheBundlesRowBeforeItsComponentsAsASaleOfItDoes() throws Exception {
        assumeTrue(
                PostgresTestDatabase.active(), "lock order matters where writers run at once; SQLite serializes them");
        api.post("/api/products", product("MUG", "8.00", 10, 0));
        Api.Response gift = api.post(
                "/api/products",
                "{\"sku\":\"GIFT\",\"name\":\"Gift set\",\"price\":15.00,\"reorderThreshold\":0,"
                        + "\"components\":[{\"sku\":\"MUG\",\"quantity\":2}]}");
        assertThat(gift.status()).as(gift.text()).isEqualTo(201);
        String id = api.post("/api/reservations", reservation("GIFT", 1))
                .json()
                .get("id")
                .asString();

        try (Connection sale = dataSource.getConnection();
                Connection watcher = dataSource.getConnection()) {
            sale.setAutoCommit(false);
            // A sale of the bundle locks its rows in SKU order: GIFT first ...
            try (Statement s = sale.createStatement()) {
                s.executeUpdate("UPDATE product SET updated_at = updated_at WHERE sku = 'GIFT'");
            }
            CompletableFuture<Api.Response> commit =
                    CompletableFuture.supplyAsync(() -> api.post("/api/reservations/" + id + "/commit", ""));
            waitUntilSomeoneWaitsForALock(watcher);
            // ... then MUG. The commit, waiting for GIFT, must not be holding MUG meanwhile: that is
            // a deadlock, which PostgreSQL breaks only after a second by aborting one side.
            try (Statement s = sale.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '200ms'");
                assertThat(s.executeUpdate("UPDATE product SET updated_at = updated_at WHERE sku = 'MUG'"))
                        .isEqualTo(1);
            }
            sale.rollback();

            Api.Response committed = commit.get(30, TimeUnit.SECONDS);
            assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
        }
        var mug = api.get("/api/products/MUG").json();
        assertThat(mug.get("stock").asLong()).isEqualTo(8);
        assertThat(mug.get("reserved").asLong()).isZero();
        assertVerified();
    }

    @Test
    void aSaleWaitingWhileTheSweeperExpiresTheHoldsInItsWayIsMadeNotRefused() throws Exception {
        assumeTrue(PostgresTestDatabase.active(), "the sweeper and a sale run at once only where writers do");
        api.post("/api/products", product("LAST-1", "10.00", 1, 0));
        String id = api.post("/api/reservations", reservation("LAST-1", 1))
                .json()
                .get("id")
                .asString();

        try (Connection sweeper = dataSource.getConnection();
                Connection watcher = dataSource.getConnection()) {
            sweeper.setAutoCommit(false);
            jdbc.sql("UPDATE reservation SET expires_at = :at WHERE id = :id")
                    .param("at", System.currentTimeMillis() + 300)
                    .param("id", id)
                    .update();
            // A sweeper holds the hold's row (as its expiry does) from before it falls due ...
            try (Statement s = sweeper.createStatement()) {
                s.executeQuery("SELECT id FROM reservation WHERE id = '" + id + "' FOR UPDATE")
                        .close();
            }
            Thread.sleep(400);
            // ... so the sale, refused the held unit, waits for that row to release the due hold.
            CompletableFuture<Api.Response> sale =
                    CompletableFuture.supplyAsync(() -> api.post("/api/purchases", purchase("LAST-1", 1)));
            waitUntilTheSaleWaitsForTheHold(watcher);
            // The sweeper expires it and gives its unit back; the sale then finds nothing left to release.
            try (Statement s = sweeper.createStatement()) {
                s.executeUpdate("UPDATE reservation SET status = 'EXPIRED', ended_at = 1 WHERE id = '" + id + "'");
                s.executeUpdate("UPDATE product SET reserved = reserved - 1 WHERE sku = 'LAST-1'");
            }
            sweeper.commit();

            Api.Response answer = sale.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        var product = api.get("/api/products/LAST-1").json();
        assertThat(product.get("stock").asLong()).isZero();
        assertThat(product.get("reserved").asLong()).isZero();
        assertVerified();
    }

    private static void waitUntilTheSaleWaitsForTheHold(Connection watcher) throws Exception {
        for (int i = 0; i < 3000; i++) {
            try (Statement s = watcher.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                    + "AND datname = current_database() AND query LIKE '%reservation_line%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sale never waited for the due hold");
    }

    private static void waitUntilSomeoneWaitsForALock(Connection watcher) throws Exception {
        for (int i = 0; i < 3000; i++) {
            try (Statement s = watcher.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                    + "AND datname = current_database()")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the commit never waited for the locked bundle");
    }
}
