package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.AllAtOnce;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

class ConcurrentPurchaseTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void fortyBuyersOfTwentyFiveUnitsSellExactlyTwentyFiveAndNeverOversell() throws Exception {
        assertThat(api.post("/api/products", product("HOT-1", "10.00", 25, 5)).status())
                .isEqualTo(201);

        List<Api.Response> answers = allAtOnce(40, i -> () -> api.post("/api/purchases", purchase("HOT-1", 1)));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(25);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(15);
        var product = api.get("/api/products/HOT-1").json();
        assertThat(product.get("stock").asLong()).isZero();
        assertThat(product.get("unitsSold").asLong()).isEqualTo(25);
        assertThat(ledgerSum("HOT-1")).as("the ledger sums to the stock").isZero();
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE sku = 'HOT-1' AND type = 'SALE'"))
                .isEqualTo(25);
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(25);
        assertThat(count("SELECT COUNT(*) FROM restock_alert WHERE resolved_at IS NULL"))
                .isEqualTo(1);
        assertThat(api.get("/api/alerts").json().get(0).get("level").asString()).isEqualTo("OUT");

        // The self-check recomputes stock, units sold and the alert from the records: all agree.
        var verify = api.get("/api/admin/verify").json();
        assertThat(verify.get("discrepancies")).as("verify discrepancies").isEmpty();
        assertThat(verify.get("ok").asBoolean()).isTrue();
    }

    /**
     * Orders that name the same products in opposite orders must not deadlock (lines are taken in
     * SKU order), and each is all-or-nothing: a product's units sold is exactly what the accepted
     * orders asked of it, and nothing else moved.
     */
    @Test
    void multiLineOrdersOverTheSameProductsInDifferentOrdersAreAllOrNothing() throws Exception {
        List<String> skus = List.of("A-1", "B-1", "C-1", "D-1");
        for (String sku : skus) {
            api.post("/api/products", product(sku, "1.00", 30, 2));
        }
        List<String> bodies = List.of(
                "{\"lines\":[{\"sku\":\"A-1\",\"quantity\":2},{\"sku\":\"B-1\",\"quantity\":1},{\"sku\":\"C-1\",\"quantity\":3}]}",
                "{\"lines\":[{\"sku\":\"C-1\",\"quantity\":1},{\"sku\":\"B-1\",\"quantity\":2},{\"sku\":\"A-1\",\"quantity\":1}]}",
                "{\"lines\":[{\"sku\":\"D-1\",\"quantity\":4},{\"sku\":\"A-1\",\"quantity\":1}]}",
                "{\"lines\":[{\"sku\":\"B-1\",\"quantity\":1},{\"sku\":\"D-1\",\"quantity\":1},{\"sku\":\"C-1\",\"quantity\":2}]}");

        List<Api.Response> answers =
                allAtOnce(32, i -> () -> api.post("/api/purchases", bodies.get(i % bodies.size())));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
        assertThat(answers).filteredOn(a -> a.status() == 201).isNotEmpty();
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .as("demand exceeds stock, so some are refused")
                .isNotEmpty();
        Map<String, Long> sold = new java.util.HashMap<>();
        for (Api.Response answer : answers) {
            if (answer.status() == 201) {
                answer.json()
                        .get("lines")
                        .forEach(l -> sold.merge(
                                l.get("sku").asString(), l.get("quantity").asLong(), Long::sum));
            }
        }
        for (String sku : skus) {
            var product = api.get("/api/products/" + sku).json();
            long stock = product.get("stock").asLong();
            assertThat(product.get("unitsSold").asLong())
                    .as("units sold of %s", sku)
                    .isEqualTo(sold.getOrDefault(sku, 0L));
            assertThat(stock + product.get("unitsSold").asLong())
                    .as("stock + units sold of %s", sku)
                    .isEqualTo(30);
            assertThat(stock).isNotNegative();
            assertThat(ledgerSum(sku)).as("ledger of %s", sku).isEqualTo(stock);
        }
        long accepted = answers.stream().filter(a -> a.status() == 201).count();
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(accepted);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE type = 'SALE'"))
                .isEqualTo(count("SELECT COUNT(*) FROM purchase_line"));
    }

    /**
     * Many retries of one purchase racing with one Idempotency-Key: the database's unique key lets
     * exactly one through; every other answers that purchase again, even though the stock it took
     * would not cover a second one.
     */
    @Test
    void racingRetriesWithOneIdempotencyKeyBuyOnceAndAllAnswerThatPurchase() throws Exception {
        api.post("/api/products", product("ONE-1", "10.00", 3, 1));

        List<Api.Response> answers = allAtOnce(
                12,
                i -> () -> api.post("/api/purchases", purchase("ONE-1", 3), Map.of("Idempotency-Key", "checkout-42")));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        Set<String> ids = new HashSet<>();
        answers.forEach(a -> ids.add(a.json().get("id").asString()));
        assertThat(ids).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> "false".equals(a.header("Idempotent-Replayed")))
                .hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM purchase")).isEqualTo(1);
        var product = api.get("/api/products/ONE-1").json();
        assertThat(product.get("stock").asLong()).isZero();
        assertThat(product.get("unitsSold").asLong()).isEqualTo(3);
        assertThat(ledgerSum("ONE-1")).isZero();
    }

    private static List<Api.Response> allAtOnce(int threads, IntFunction<Callable<Api.Response>> request)
            throws Exception {
        return AllAtOnce.send(threads, threads, request);
    }

    private long ledgerSum(String sku) {
        return jdbc.sql("SELECT COALESCE(SUM(delta), 0) FROM stock_movement WHERE sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
