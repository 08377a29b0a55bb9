package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.ApiTestSupport;

class ConcurrentPurchaseTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fortyBuyersOfTwentyFiveUnitsSellExactlyTwentyFiveAndNeverOversell() throws Exception {
        assertThat(api.post("/api/products", product("HOT-1", "10.00", 25, 5)).status()).isEqualTo(201);

        int buyers = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        try {
            for (int i = 0; i < buyers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/purchases", purchase("HOT-1", 1)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(25);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        } finally {
            pool.shutdownNow();
        }

        var product = api.get("/api/products/HOT-1").json();
        assertThat(product.get("stock").asLong()).isZero();
        assertThat(product.get("unitsSold").asLong()).isEqualTo(25);
        long ledgerSum = jdbc.sql("SELECT SUM(delta) FROM stock_movement WHERE sku = 'HOT-1'").query(Long.class).single();
        assertThat(ledgerSum).as("the ledger sums to the stock").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM purchase").query(Long.class).single()).isEqualTo(25);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM restock_alert WHERE resolved_at IS NULL").query(Long.class).single()).isEqualTo(1);
        assertThat(api.get("/api/alerts").json().get(0).get("level").asString()).isEqualTo("OUT");
    }
}
