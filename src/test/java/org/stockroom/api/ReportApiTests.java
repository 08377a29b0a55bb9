package org.stockroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.Problems.assertInvalid;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

class ReportApiTests extends ApiTestSupport {

    @Test
    void theSalesReportSumsUnitsRevenueCostAndMarginPerProductHighestRevenueFirst() {
        api.post(
                "/api/products",
                "{\"sku\":\"LAP-001\",\"name\":\"Laptop\",\"price\":999.99,\"stock\":10,\"reorderThreshold\":3,\"cost\":700}");
        api.post(
                "/api/products",
                "{\"sku\":\"MOU-001\",\"name\":\"Mouse\",\"price\":24.99,\"stock\":50,\"reorderThreshold\":5,\"cost\":10.50}");
        api.post(
                "/api/products",
                "{\"sku\":\"IDLE-1\",\"name\":\"Idle\",\"price\":1,\"stock\":5,\"reorderThreshold\":1,\"cost\":1}");
        api.post(
                "/api/purchases",
                "{\"lines\":[{\"sku\":\"LAP-001\",\"quantity\":2},{\"sku\":\"MOU-001\",\"quantity\":3}]}");
        api.post("/api/purchases", purchase("MOU-001", 1));

        JsonNode report = api.get("/api/reports/sales").json();

        assertThat(report.get("currency").asString()).isEqualTo("USD");
        JsonNode totals = report.get("totals");
        assertThat(totals.get("purchases").asLong()).isEqualTo(2);
        assertThat(totals.get("units").asLong()).isEqualTo(6);
        assertThat(totals.get("revenue").toString()).isEqualTo("2099.94");
        assertThat(totals.get("cost").toString()).isEqualTo("1442.00");
        assertThat(totals.get("margin").toString()).isEqualTo("657.94");
        JsonNode products = report.get("products");
        assertThat(products).as("only products that sold").hasSize(2);
        JsonNode laptop = products.get(0);
        assertThat(laptop.get("sku").asString()).isEqualTo("LAP-001");
        assertThat(laptop.get("name").asString()).isEqualTo("Laptop");
        assertThat(laptop.get("unitsSold").asLong()).isEqualTo(2);
        assertThat(laptop.get("revenue").toString()).isEqualTo("1999.98");
        assertThat(laptop.get("cost").toString()).isEqualTo("1400.00");
        assertThat(laptop.get("margin").toString()).isEqualTo("599.98");
        assertThat(laptop.get("stock").asLong()).isEqualTo(8);
        assertThat(laptop.get("needsRestock").asBoolean()).isFalse();
        assertThat(products.get(1).get("sku").asString()).isEqualTo("MOU-001");
        assertThat(products.get(1).get("unitsSold").asLong()).isEqualTo(4);
    }

    @Test
    void anUnknownCostMakesCostAndMarginUnknownRatherThanInvented() {
        api.post("/api/products", product("NC-1", "5.00", 10, 1));
        api.post("/api/purchases", purchase("NC-1", 2));

        JsonNode report = api.get("/api/reports/sales").json();

        assertThat(report.get("totals").get("revenue").toString()).isEqualTo("10.00");
        JsonNode cost = report.get("totals").get("cost");
        assertThat(cost == null || cost.isNull()).isTrue();
        JsonNode margin = report.get("products").get(0).get("margin");
        assertThat(margin == null || margin.isNull()).isTrue();
    }

    @Test
    void anEmptyPeriodHasZeroTotals() {
        JsonNode report = api.get("/api/reports/sales").json();

        assertThat(report.get("totals").get("purchases").asLong()).isZero();
        assertThat(report.get("totals").get("revenue").decimalValue()).isZero();
        assertThat(report.get("products")).isEmpty();
    }

    @Test
    void datesBoundThePeriodBothInclusive() {
        api.post("/api/products", product("MOU-1", "2.00", 10, 1));
        api.post("/api/purchases", purchase("MOU-1", 1));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode around = api.get("/api/reports/sales?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .json();
        JsonNode before = api.get("/api/reports/sales?to=" + today.minusDays(2)).json();
        JsonNode after = api.get("/api/reports/sales?from=" + today.plusDays(2)).json();

        assertThat(around.get("from").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(around.get("to").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(around.get("totals").get("units").asLong()).isEqualTo(1);
        assertThat(before.get("totals").get("units").asLong()).isZero();
        assertThat(after.get("totals").get("purchases").asLong()).isZero();
        assertInvalid(api.get("/api/reports/sales?from=" + today + "&to=" + today.minusDays(1)), "to");
        assertInvalid(api.get("/api/reports/sales?from=2026-02-30"), "from");
        assertInvalid(api.get("/api/reports/sales?to=yesterday"), "to");
    }
}
