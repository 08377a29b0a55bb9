package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class SalesReportTests extends ApiTestSupport {

    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeEach
    void threeProductsSold() {
        created(api.post("/api/products", withCost("A-1", "10.00", "6.00")));
        created(api.post("/api/products", product("B-1", "3.50", 100, 2)));
        created(api.post("/api/products", withCost("C-1", "100.00", "40.00")));
        created(api.post("/api/products", withCost("D-1", "1.00", "0.50")));
        created(api.post("/api/purchases", purchase("A-1", 3)));
        created(api.post(
                "/api/purchases", "{\"lines\":[{\"sku\":\"B-1\",\"quantity\":4},{\"sku\":\"C-1\",\"quantity\":1}]}"));
        created(api.post("/api/purchases", purchase("A-1", 2)));
    }

    private static String withCost(String sku, String price, String cost) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":" + price
                + ",\"stock\":100,\"reorderThreshold\":2," + "\"cost\":" + cost + "}";
    }

    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void sumsUnitsRevenueCostAndMarginPerProductHighestRevenueFirst() {
        JsonNode report = api.get("/api/reports/sales").json();
        JsonNode products = report.get("products");
        assertThat(products).hasSize(3);
        assertThat(products.get(0).get("sku").asString()).isEqualTo("C-1");
        assertThat(products.get(1).get("sku").asString()).isEqualTo("A-1");
        assertThat(products.get(1).get("unitsSold").asLong()).isEqualTo(5);
        assertThat(products.get(1).get("revenue").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(products.get(1).get("cost").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(products.get(1).get("margin").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(products.get(1).get("stock").asLong()).isEqualTo(95);
        assertThat(products.get(2).get("sku").asString()).isEqualTo("B-1");
        assertThat(products.get(2).get("revenue").decimalValue()).isEqualByComparingTo("14.00");
        assertThat(products.get(2).get("cost").isNull())
                .as("B-1 has no cost: unknown, not zero")
                .isTrue();
        assertThat(products.get(2).get("margin").isNull()).isTrue();

        JsonNode totals = report.get("totals");
        assertThat(totals.get("purchases").asLong()).isEqualTo(3);
        assertThat(totals.get("units").asLong()).isEqualTo(10);
        assertThat(totals.get("revenue").decimalValue()).isEqualByComparingTo("164.00");
        assertThat(totals.get("cost").isNull()).isTrue();
        assertThat(totals.get("margin").isNull()).isTrue();
        assertThat(report.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void sortsByUnitsOrMarginAndKeepsTheTopNWithTotalsOfEverything() {
        assertThat(skus(api.get("/api/reports/sales?sort=units").json())).containsExactly("A-1", "B-1", "C-1");
        assertThat(skus(api.get("/api/reports/sales?sort=margin").json())).containsExactly("C-1", "A-1", "B-1");
        JsonNode top = api.get("/api/reports/sales?sort=units&limit=1").json();
        assertThat(skus(top)).containsExactly("A-1");
        assertThat(top.get("totals").get("units").asLong()).isEqualTo(10);
    }

    @Test
    void readsOnlyTheDaysOfTheRange() {
        JsonNode todayOnly =
                api.get("/api/reports/sales?from=" + today + "&to=" + today).json();
        assertThat(todayOnly.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("164.00");
        JsonNode monthToDate = api.get(
                        "/api/reports/sales?from=" + LocalDate.parse(today).withDayOfMonth(1))
                .json();
        assertThat(monthToDate.get("totals").get("units").asLong()).isEqualTo(10);
        JsonNode lastYear =
                api.get("/api/reports/sales?from=2020-01-01&to=2020-12-31").json();
        assertThat(lastYear.get("products")).isEmpty();
        assertThat(lastYear.get("totals").get("purchases").asLong()).isZero();
        assertThat(lastYear.get("totals").get("revenue").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void answersCsvForAcceptTextCsvOrFormatCsvWithFormulasNeutralized() {
        created(api.post(
                "/api/products",
                "{\"sku\":\"X-1\",\"name\":\"=HYPERLINK(\\\"http://x\\\")\",\"price\":2.00,\"stock\":5,"
                        + "\"reorderThreshold\":1}"));
        created(api.post("/api/purchases", purchase("X-1", 1)));
        Api.Response csv =
                api.send("GET", "/api/reports/sales?sort=units", null, java.util.Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("sku,name,unitsSold,revenue,cost,margin,stock,needsRestock");
        assertThat(lines[1]).isEqualTo("A-1,A-1 product,5,50.00,30.00,20.00,95,false");
        assertThat(lines[3]).isEqualTo("C-1,C-1 product,1,100.00,40.00,60.00,99,false");
        assertThat(csv.text()).contains("X-1,\"'=HYPERLINK(\"\"http://x\"\")\",1,2.00,,,4,false");
        assertThat(api.get("/api/reports/sales?format=csv").text()).startsWith("sku,name,");
    }

    @Test
    void refusesABadSortLimitOrRange() {
        assertThat(api.get("/api/reports/sales?sort=price").json().get("code").asString())
                .isEqualTo("invalid-request");
        assertThat(api.get("/api/reports/sales?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/reports/sales?from=2026-02-01&to=2026-01-01").status())
                .isEqualTo(400);
        assertThat(api.get("/api/reports/sales?format=xml").status()).isEqualTo(400);
    }

    @Test
    void dailySeriesHasEveryDayOfTheRangeForTheStoreOrOneProduct() {
        LocalDate day = LocalDate.parse(today);
        JsonNode series = api.get("/api/reports/sales/daily?from=" + day.minusDays(2) + "&to=" + day)
                .json();
        assertThat(series.get("days")).hasSize(3);
        assertThat(series.get("days").get(0).get("units").asLong()).isZero();
        JsonNode last = series.get("days").get(2);
        assertThat(last.get("date").asString()).isEqualTo(today);
        assertThat(last.get("units").asLong()).isEqualTo(10);
        assertThat(last.get("revenue").decimalValue()).isEqualByComparingTo("164.00");
        assertThat(last.get("cost").isNull()).isTrue();

        JsonNode oneProduct = api.get("/api/reports/sales/daily?sku=A-1").json();
        assertThat(oneProduct.get("days")).hasSize(30);
        JsonNode todayA = oneProduct.get("days").get(29);
        assertThat(todayA.get("units").asLong()).isEqualTo(5);
        assertThat(todayA.get("margin").decimalValue()).isEqualByComparingTo("20.00");

        assertThat(api.get("/api/reports/sales/daily?sku=NOPE").status()).isEqualTo(404);
        assertThat(api.get("/api/reports/sales/daily?from=2000-01-01&to=2026-01-01")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/reports/sales/daily?format=csv&from=" + today + "&to=" + today)
                        .text())
                .isEqualTo("date,units,revenue,cost,margin\r\n" + today + ",10,164.00,,\r\n");
    }

    private static java.util.List<String> skus(JsonNode report) {
        java.util.List<String> skus = new java.util.ArrayList<>();
        report.get("products").forEach(p -> skus.add(p.get("sku").asString()));
        return skus;
    }
}
