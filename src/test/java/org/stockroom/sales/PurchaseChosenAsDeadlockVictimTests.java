package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import org.stockroom.testing.PostgresTestDatabase;

/**
 * PostgreSQL breaks a deadlock by aborting one transaction (SQLState 40P01). When that is a
 * purchase, it is run again and answers 201 once, instead of a 500. The other side of the
 * deadlock here is a transaction that locks the products in the opposite order, as a
 * careless tool writing to the same database might.
 */
class PurchaseChosenAsDeadlockVictimTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPurchaseAbortedToBreakADeadlockIsRetriedAndAppliedOnce() throws Exception {
        assumeTrue(PostgresTestDatabase.active(), "deadlock detection is PostgreSQL's; SQLite serializes writers");
        api.post("/api/products", product("A-1", "1.00", 10, 0));
        api.post("/api/products", product("B-1", "1.00", 10, 0));

        try (Connection other = dataSource.getConnection();
                Connection watcher = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE product SET updated_at = updated_at WHERE sku = 'B-1'");
            }
            // The purchase takes A-1, then waits for B-1.
            CompletableFuture<Api.Response> purchase = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/purchases",
                    "{\"lines\":[{\"sku\":\"B-1\",\"quantity\":1},{\"sku\":\"A-1\",\"quantity\":1}]}"));
            waitUntilSomeoneWaitsForALock(watcher);
            // Now the other transaction wants A-1: a cycle. The purchase has waited longer, so its
            // deadlock check runs first and aborts it; its retry then waits for the other to commit.
            CompletableFuture<Integer> otherTakesA = CompletableFuture.supplyAsync(() -> {
                try (Statement s = other.createStatement()) {
                    return s.executeUpdate("UPDATE product SET updated_at = updated_at WHERE sku = 'A-1'");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(otherTakesA.get(30, TimeUnit.SECONDS))
                    .as("the other transaction was not the victim")
                    .isEqualTo(1);
            other.commit();

            Api.Response answer = purchase.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM purchase").query(Long.class).single())
                .isEqualTo(1);
        for (String sku : new String[] {"A-1", "B-1"}) {
            var product = api.get("/api/products/" + sku).json();
            assertThat(product.get("stock").asLong()).isEqualTo(9);
            assertThat(product.get("unitsSold").asLong()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT SUM(delta) FROM stock_movement WHERE sku = :sku")
                            .param("sku", sku)
                            .query(Long.class)
                            .single())
                    .isEqualTo(9);
        }
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
        throw new AssertionError("the purchase never waited for the locked product");
    }
}
