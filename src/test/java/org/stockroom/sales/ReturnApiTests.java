package org.stockroom.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class ReturnApiTests extends ApiTestSupport {

    private String bought(String sku, long quantity) {
        Api.Response answer = api.post("/api/purchases", purchase(sku, quantity));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static String returning(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],\"note\":\"wrong size\"}";
    }

    private JsonNode productNamed(String sku) {
        return api.get("/api/products/" + sku).json();
    }

    @Test
    void aReturnPutsStockBackTakesOffUnitsSoldAndNetRevenueAtTheSalePrice() {
        api.post("/api/products", product("RET-1", "10.00", 10, 1));
        String purchase = bought("RET-1", 4);
        api.patch("/api/products/RET-1", "{\"price\":25.00}");

        Api.Response answer = api.post("/api/purchases/" + purchase + "/returns", returning("RET-1", 3));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode returned = answer.json();
        assertThat(returned.get("purchaseId").asString()).isEqualTo(purchase);
        assertThat(returned.get("total").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(returned.get("lines").get(0).get("unitPrice").decimalValue())
                .as("the price of the sale")
                .isEqualByComparingTo("10.00");
        assertThat(returned.get("note").asString()).isEqualTo("wrong size");
        JsonNode product = productNamed("RET-1");
        assertThat(product.get("stock").asLong()).isEqualTo(9);
        assertThat(product.get("unitsSold").asLong()).isEqualTo(1);

        JsonNode movement =
                api.get("/api/products/RET-1/movements").json().get("items").get(0);
        assertThat(movement.get("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(movement.get("reason").asString()).isEqualTo("RETURN");
        assertThat(movement.get("delta").asLong()).isEqualTo(3);
        assertThat(movement.get("balanceAfter").asLong()).isEqualTo(9);
        assertThat(movement.get("purchaseId").asString()).isEqualTo(purchase);
        assertThat(movement.get("note").asString()).contains(returned.get("id").asString(), "wrong size");

        JsonNode report = api.get("/api/reports/sales").json();
        assertThat(report.get("totals").get("units").asLong()).isEqualTo(1);
        assertThat(report.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(report.get("products").get(0).get("unitsSold").asLong()).isEqualTo(1);

        JsonNode list = api.get("/api/purchases/" + purchase + "/returns").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString())
                .isEqualTo(returned.get("id").asString());
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aPurchaseCannotTakeBackMoreThanItSoldMinusEarlierReturns() {
        api.post("/api/products", product("RET-2", "5.00", 10, 1));
        api.post("/api/products", product("RET-3", "5.00", 10, 1));
        String purchase = bought("RET-2", 4);
        assertThat(api.post("/api/purchases/" + purchase + "/returns", returning("RET-2", 3))
                        .status())
                .isEqualTo(201);

        Api.Response tooMany = api.post(
                "/api/purchases/" + purchase + "/returns",
                "{\"lines\":[{\"sku\":\"RET-2\",\"quantity\":2},{\"sku\":\"RET-3\",\"quantity\":1}]}");

        assertThat(tooMany.status()).isEqualTo(409);
        JsonNode problem = tooMany.json();
        assertThat(problem.get("code").asString()).isEqualTo("return-exceeds-purchase");
        assertThat(problem.get("lines")).hasSize(2);
        assertThat(problem.get("lines").get(0).get("sku").asString()).isEqualTo("RET-2");
        assertThat(problem.get("lines").get(0).get("requested").asLong()).isEqualTo(2);
        assertThat(problem.get("lines").get(0).get("returnable").asLong()).isEqualTo(1);
        assertThat(problem.get("lines").get(1).get("returnable").asLong())
                .as("not on the purchase")
                .isZero();
        assertThat(productNamed("RET-2").get("stock").asLong()).as("unchanged").isEqualTo(9);
        assertThat(productNamed("RET-2").get("unitsSold").asLong()).isEqualTo(1);
        assertThat(api.get("/api/purchases/" + purchase + "/returns").json()).hasSize(1);

        assertThat(api.post("/api/purchases/" + purchase + "/returns", returning("RET-2", 1))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/purchases/" + purchase + "/returns", returning("RET-2", 1))
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("return-exceeds-purchase");
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void returnsOfAnUnknownPurchaseOrMalformedReturnsAreRefused() {
        Api.Response unknown = api.post("/api/purchases/no-such-purchase/returns", returning("X-1", 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("unknown-purchase");
        assertThat(api.get("/api/purchases/no-such-purchase/returns").status()).isEqualTo(404);

        api.post("/api/products", product("RET-4", "5.00", 10, 1));
        String purchase = bought("RET-4", 2);
        for (String body : List.of(
                "{\"lines\":[]}",
                "{}",
                "{\"lines\":[{\"sku\":\"RET-4\",\"quantity\":0}]}",
                "{\"lines\":[{\"sku\":\"RET-4\"}]}",
                "{\"lines\":[{\"sku\":\"bad sku\",\"quantity\":1}]}",
                "{\"lines\":[{\"sku\":\"RET-4\",\"quantity\":1}],\"refund\":true}")) {
            Api.Response answer = api.post("/api/purchases/" + purchase + "/returns", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).isEqualTo("invalid-request");
        }
        assertThat(productNamed("RET-4").get("stock").asLong()).isEqualTo(8);
    }

    @Test
    void aReturnResolvesTheAlertAndAnArchivedProductCannotBeTakenBack() {
        api.post("/api/products", product("RET-5", "5.00", 6, 3));
        String purchase = bought("RET-5", 4);
        assertThat(api.get("/api/alerts").json()).hasSize(1);

        api.post("/api/purchases/" + purchase + "/returns", returning("RET-5", 2));
        assertThat(api.get("/api/alerts").json())
                .as("stock 4 is above the threshold 3")
                .isEmpty();

        api.delete("/api/products/RET-5");
        Api.Response archived = api.post("/api/purchases/" + purchase + "/returns", returning("RET-5", 1));
        assertThat(archived.status()).isEqualTo(422);
        assertThat(archived.json().get("code").asString()).isEqualTo("product-archived");
        assertThat(api.get("/api/purchases/" + purchase + "/returns").json())
                .as("the refused return left nothing")
                .hasSize(1);
        assertThat(api.get("/api/admin/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void concurrentReturnsOfOneLineNeverTogetherExceedWhatItSold() throws Exception {
        api.post("/api/products", product("RET-6", "2.00", 30, 1));
        String purchase = bought("RET-6", 10);

        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/purchases/" + purchase + "/returns", returning("RET-6", 1))
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(6);
        JsonNode product = productNamed("RET-6");
        assertThat(product.get("stock").asLong()).isEqualTo(30);
        assertThat(product.get("unitsSold").asLong()).isZero();
        assertThat(api.get("/api/purchases/" + purchase + "/returns").json()).hasSize(10);
        assertThat(api.get("/api/reports/sales")
                        .json()
                        .get("totals")
                        .get("revenue")
                        .decimalValue())
                .isEqualByComparingTo("0");
        JsonNode verify = api.get("/api/admin/verify").json();
        assertThat(verify.get("discrepancies")).isEmpty();
        assertThat(verify.get("ok").asBoolean()).isTrue();
    }
}
