package org.stockroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class BulkEditTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewThresholdForNamedProductsRaisesTheirAlertsAndIsAuditedOnce() {
        api.post("/api/products", product("A", "10.00", 5, 0));
        api.post("/api/products", product("B", "10.00", 50, 0));
        api.post("/api/products", product("C", "10.00", 5, 0));

        Api.Response response = api.withTimeout(java.time.Duration.ofMinutes(10))
                .post(
                        "/api/products/bulk",
                        "{\"skus\":[\"A\",\"B\"],\"set\":{\"reorderThreshold\":10,\"reorderQuantity\":20,\"leadTimeDays\":4,"
                                + "\"supplier\":\"Acme\"}}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("changed").asLong()).isEqualTo(2);
        JsonNode a = api.get("/api/products/A").json();
        assertThat(a.get("reorderThreshold").asLong()).isEqualTo(10);
        assertThat(a.get("reorderQuantity").asLong()).isEqualTo(20);
        assertThat(a.get("leadTimeDays").asInt()).isEqualTo(4);
        assertThat(a.get("supplier").asString()).isEqualTo("Acme");
        assertThat(api.get("/api/products/C").json().get("reorderThreshold").asLong())
                .isZero();
        assertThat(api.get("/api/alerts").json().toString()).contains("\"A\"").doesNotContain("\"B\"");
        assertThat(api.get("/api/products?q=acme").json().get("total").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'products.bulk-edited'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void oneUnknownSkuChangesNothing() {
        api.post("/api/products", product("A", "10.00", 5, 0));

        Api.Response response =
                api.post("/api/products/bulk", "{\"skus\":[\"A\",\"NOPE\"],\"set\":{\"reorderThreshold\":9}}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("unknown-sku");
        assertThat(response.json().get("skus").toString()).isEqualTo("[\"NOPE\"]");
        assertThat(api.get("/api/products/A").json().get("reorderThreshold").asLong())
                .isZero();
    }

    @Test
    void pricesMoveByAPercentageRoundedToTheCurrencyOrNotAtAll() {
        api.post("/api/products", product("A", "10.00", 5, 0));
        api.post("/api/products", product("B", "0.99", 5, 0));

        Api.Response up = api.post("/api/products/bulk", "{\"filter\":{\"q\":\"product\"},\"pricePercent\":12.5}");

        assertThat(up.status()).as(up.text()).isEqualTo(200);
        assertThat(api.get("/api/products/A").json().get("price").decimalValue())
                .isEqualByComparingTo("11.25");
        assertThat(api.get("/api/products/B").json().get("price").decimalValue())
                .isEqualByComparingTo("1.11");

        api.post("/api/products", product("HUGE", "999999999999.00", 1, 0));
        Api.Response tooHigh = api.post("/api/products/bulk", "{\"filter\":{},\"pricePercent\":10}");

        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("errors").get(0).get("message").asString())
                .contains("HUGE");
        assertThat(api.get("/api/products/A").json().get("price").decimalValue())
                .isEqualByComparingTo("11.25");
    }

    @Test
    void everyProductMatchingAFilterIsArchivedAndItsAlertResolved() {
        api.post("/api/products", product("LOW-1", "1.00", 0, 1));
        api.post("/api/products", product("LOW-2", "1.00", 1, 1));
        api.post("/api/products", product("OK-1", "1.00", 9, 1));

        Api.Response response = api.post("/api/products/bulk", "{\"filter\":{\"lowStock\":true},\"archive\":true}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("skus").toString()).isEqualTo("[\"LOW-1\",\"LOW-2\"]");
        assertThat(api.get("/api/products").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/alerts?status=open").json().size()).isZero();
    }

    @Test
    void aRequestThatChangesNothingOrNamesUnknownFieldsIsRefused() {
        assertThat(api.post("/api/products/bulk", "{\"skus\":[\"A\"]}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/products/bulk", "{\"skus\":[\"A\"],\"set\":{\"stock\":4}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/products/bulk", "{\"set\":{\"reorderThreshold\":4}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/products/bulk", "{\"skus\":[\"A\"],\"pricePercent\":-100}")
                        .status())
                .isEqualTo(400);
    }

    /**
     * Ten thousand products changed in one request; the time is printed for the benchmark notes,
     * not asserted (the machine is shared).
     */
    @Test
    void tenThousandProductsChangeInOneRequest() {
        StringBuilder file = new StringBuilder("sku,name,price,stock,reorderThreshold\n");
        for (int i = 0; i < 10_000; i++) {
            file.append("BULK-").append(i).append(",Bulk item ").append(i).append(",2.00,5,0\n");
        }
        Api.Response imported = upload(file.toString());
        assertThat(imported.status()).isEqualTo(201);

        long start = System.nanoTime();
        Api.Response response = api.withTimeout(java.time.Duration.ofMinutes(10))
                .post(
                        "/api/products/bulk",
                        "{\"filter\":{\"q\":\"bulk\"},\"set\":{\"reorderThreshold\":2},\"pricePercent\":10}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Bulk edit of 10,000 products (threshold and price) took " + millis + " ms");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("changed").asLong()).isEqualTo(10_000);
        assertThat(api.get("/api/products?lowStock=true").json().get("total").asLong())
                .isZero();
        assertThat(api.get("/api/products/BULK-0")
                        .json()
                        .get("reorderThreshold")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/products/BULK-9999").json().get("price").decimalValue())
                .isEqualByComparingTo("2.20");
    }

    private Api.Response upload(String csv) {
        return api.withTimeout(java.time.Duration.ofMinutes(10)).uploadCsv("/api/imports", csv);
    }
}
