package org.stockroom.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockroom.sales.SalesRollup;
import org.stockroom.testing.ApiTestSupport;
import tools.jackson.databind.JsonNode;

/** Slow movers, valuation and reorder suggestions over HTTP. */
class StockReportTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesRollup rollup;

    @Autowired
    TransactionTemplate transaction;

    private void add(String sku, String price, String cost, long stock) {
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"" + sku + " product\",\"price\":" + price + ",\"stock\":"
                + stock + ",\"reorderThreshold\":2" + (cost == null ? "" : ",\"cost\":" + cost) + "}";
        assertThat(api.post("/api/products", body).status()).isEqualTo(201);
    }

    private void createdDaysAgo(String sku, int days) {
        jdbc.sql("UPDATE product SET created_at = :at WHERE sku = :sku")
                .param("at", Instant.now().minus(Duration.ofDays(days)).toEpochMilli())
                .param("sku", sku)
                .update();
    }

    private void soldDaysAgo(String id, String sku, int days) {
        long at = Instant.now().minus(Duration.ofDays(days)).toEpochMilli();
        jdbc.sql("INSERT INTO purchase (id, total, actor, created_at) VALUES (:id, 10000, 'test', :at)")
                .param("id", id)
                .param("at", at)
                .update();
        jdbc.sql("INSERT INTO purchase_line (purchase_id, line_no, sku, name, quantity, unit_price, line_total) "
                        + "VALUES (:id, 1, :sku, :sku, 1, 10000, 10000)")
                .param("id", id)
                .param("sku", sku)
                .update();
    }

    @Test
    void slowMoversAreProductsInStockWithoutASaleForNDaysWithTheValueTiedUp() {
        add("OLD-1", "5.00", "2.00", 10);
        add("OLD-2", "3.00", null, 5);
        add("NEW-1", "1.00", "0.50", 10);
        add("HOT-1", "1.00", "0.50", 10);
        add("GONE-1", "1.00", "0.50", 0);
        for (String sku : new String[] {"OLD-1", "OLD-2", "HOT-1", "GONE-1"}) {
            createdDaysAgo(sku, 100);
        }
        soldDaysAgo("p-old", "OLD-2", 70);
        soldDaysAgo("p-hot", "HOT-1", 3);
        transaction.executeWithoutResult(s -> rollup.rebuild(ZoneId.of("UTC")));

        JsonNode report = api.get("/api/reports/slow").json();
        assertThat(report.get("days").asInt()).isEqualTo(60);
        JsonNode products = report.get("products");
        assertThat(products).hasSize(2);
        JsonNode first = products.get(0);
        assertThat(first.get("sku").asString()).isEqualTo("OLD-1");
        assertThat(first.get("lastSale").isNull()).isTrue();
        assertThat(first.get("value").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(first.get("valueBasis").asString()).isEqualTo("cost");
        JsonNode second = products.get(1);
        assertThat(second.get("sku").asString()).isEqualTo("OLD-2");
        assertThat(second.get("lastSale").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(70).toString());
        assertThat(second.get("daysSinceLastSale").asLong()).isEqualTo(70);
        assertThat(second.get("value").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(second.get("valueBasis").asString()).isEqualTo("retail");
        JsonNode totals = report.get("totals");
        assertThat(totals.get("products").asLong()).isEqualTo(2);
        assertThat(totals.get("units").asLong()).isEqualTo(15);
        assertThat(totals.get("valueAtCost").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(totals.get("unknownCostProducts").asLong()).isEqualTo(1);
        assertThat(totals.get("unknownCostValueAtRetail").decimalValue()).isEqualByComparingTo("15.00");

        assertThat(skus(api.get("/api/reports/slow?days=80").json())).containsExactly("OLD-1");
        assertThat(api.get("/api/reports/slow?days=0").status()).isEqualTo(400);
    }

    @Test
    void valuationIsStockAtCostAndAtRetailWithUnknownCostsCountedApart() {
        add("A-1", "5.00", "2.00", 10);
        add("B-1", "4.00", null, 3);
        add("C-1", "9.00", "1.00", 0);
        JsonNode report = api.get("/api/reports/valuation").json();
        assertThat(skus(report)).containsExactly("A-1", "B-1");
        JsonNode b = report.get("products").get(1);
        assertThat(b.get("valueAtCost").isNull()).isTrue();
        assertThat(b.get("valueAtRetail").decimalValue()).isEqualByComparingTo("12.00");
        JsonNode totals = report.get("totals");
        assertThat(totals.get("units").asLong()).isEqualTo(13);
        assertThat(totals.get("valueAtCost").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(totals.get("valueAtRetail").decimalValue()).isEqualByComparingTo("62.00");
        assertThat(totals.get("unknownCostProducts").asLong()).isEqualTo(1);
        assertThat(totals.get("unknownCostUnits").asLong()).isEqualTo(3);
        assertThat(api.get("/api/reports/valuation?format=csv").text())
                .isEqualTo("sku,name,stock,unitCost,unitPrice,valueAtCost,valueAtRetail\r\n"
                        + "A-1,A-1 product,10,2.00,5.00,20.00,50.00\r\n"
                        + "B-1,B-1 product,3,,4.00,,12.00\r\n");
    }

    @Test
    void reorderSuggestsFromTodaysDemandAndFallsBackToTheThresholdWithoutSales() {
        add("FAST-1", "1.00", "0.50", 100);
        add("IDLE-1", "1.00", "0.50", 1);
        assertThat(api.post("/api/purchases", purchase("FAST-1", 56)).status()).isEqualTo(201);
        // FAST-1: 56 units today over a 28-day window: d = 2, σ = √(56²/28 − 2²) = √108 = 10.392;
        // L = 7 (default): safety = 1.644853627 · 10.392305 · √7 = 45.2260, reorder point ⌈14 + 45.2260⌉ = 60;
        // stock 44 ≤ 60: order ⌈59.2260 + 60 − 44⌉ = ⌈75.2260⌉ = 76; cover 44 / 2 = 22.0 days.
        JsonNode report = api.get("/api/reports/reorder").json();
        assertThat(report.get("settings").get("z").asDouble()).isBetween(1.6448, 1.6449);
        JsonNode fast = report.get("products").get(0);
        assertThat(fast.get("sku").asString()).isEqualTo("FAST-1");
        assertThat(fast.get("reorderPoint").asLong()).isEqualTo(60);
        assertThat(fast.get("suggestedQuantity").asLong()).isEqualTo(76);
        assertThat(fast.get("daysOfCover").decimalValue()).isEqualByComparingTo("22.0");
        JsonNode idle = report.get("products").get(1);
        assertThat(idle.get("sku").asString()).isEqualTo("IDLE-1");
        assertThat(idle.get("basis").asString()).isEqualTo("threshold");
        assertThat(idle.get("suggestedQuantity").asLong()).isEqualTo(3);
    }

    @Test
    void reorderCsvIsAPurchaseListOfWhatToOrderAtWhatCost() {
        assertThat(api.post(
                                "/api/products",
                                "{\"sku\":\"FAST-1\",\"name\":\"Fast\",\"price\":1.00,\"stock\":100,"
                                        + "\"reorderThreshold\":2,\"cost\":0.35,\"reorderQuantity\":25,\"supplier\":\"Acme\"}")
                        .status())
                .isEqualTo(201);
        add("IDLE-1", "1.00", null, 1);
        add("FULL-1", "1.00", "0.50", 100);
        assertThat(api.post("/api/purchases", purchase("FAST-1", 56)).status()).isEqualTo(201);

        // FAST-1 as above (order 76), rounded up to packs of 25: 100 units at 0.35 = 35.00. IDLE-1: the
        // threshold's 2 × 2 − 1 = 3 units, cost unknown. FULL-1 has nothing to order and is left out.
        String csv = api.get("/api/reports/reorder?format=csv").text();
        assertThat(csv.lines()
                        .map(line -> String.join(
                                ",", java.util.Arrays.asList(line.split(",")).subList(0, 6)))
                        .toList())
                .containsExactly(
                        "sku,name,supplier,suggestedQuantity,unitCost,orderCost",
                        "FAST-1,Fast,Acme,100,0.35,35.00",
                        "IDLE-1,IDLE-1 product,,3,,");
        assertThat(api.get("/api/reports/reorder?format=csv&all=true").text())
                .contains("FULL-1,FULL-1 product,,0,0.50,0.00");
    }

    private static java.util.List<String> skus(JsonNode report) {
        java.util.List<String> skus = new java.util.ArrayList<>();
        report.get("products").forEach(p -> skus.add(p.get("sku").asString()));
        return skus;
    }
}
