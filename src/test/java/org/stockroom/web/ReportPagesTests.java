package org.stockroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stockroom.testing.Api;
import org.stockroom.testing.ApiTestSupport;

/** The valuation, reorder and slow-mover pages, and the CSV files they download, which are the reports API's. */
class ReportPagesTests extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theValuationPageShowsEachProductAtCostAndAtRetailWithTotals() {
        api.post(
                "/api/products",
                "{\"sku\":\"MUG\",\"name\":\"Mug\",\"price\":12.50,\"cost\":5.00,\"stock\":4,\"reorderThreshold\":1}");
        api.post(
                "/api/products",
                "{\"sku\":\"PEN\",\"name\":\"Pen\",\"price\":2.00,\"stock\":10,\"reorderThreshold\":1}");

        String page = api.get("/reports/valuation").text();

        assertThat(page)
                .contains("id=\"valuation-products\">2<")
                .contains("id=\"value-at-cost\">20.00<")
                .contains("id=\"value-at-retail\">70.00<")
                .contains("1 products (10 units) have no cost recorded")
                .contains(">MUG<")
                .contains(">PEN<")
                .contains("aria-current=\"page\">Valuation<");
    }

    @Test
    void theValuationCsvIsTheReportsApis() {
        api.post(
                "/api/products",
                "{\"sku\":\"MUG\",\"name\":\"Mug\",\"price\":12.50,\"cost\":5.00,\"stock\":4,\"reorderThreshold\":1}");

        Api.Response csv = api.get("/reports/valuation.csv");

        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("valuation-");
        assertThat(csv.text())
                .isEqualTo(api.get("/api/reports/valuation?format=csv").text());
        assertThat(csv.text().lines().toList())
                .containsExactly(
                        "sku,name,stock,unitCost,unitPrice,valueAtCost,valueAtRetail",
                        "MUG,Mug,4,5.00,12.50,20.00,50.00");
    }

    @Test
    void theReorderPageListsWhatToOrderAndThePurchaseListHasItsQuantitiesAndUnitCosts() {
        api.post(
                "/api/products",
                "{\"sku\":\"LOW\",\"name\":\"Low one\",\"price\":9.00,\"cost\":2.50,\"stock\":1,\"reorderThreshold\":5,"
                        + "\"reorderQuantity\":12}");
        api.post(
                "/api/products",
                "{\"sku\":\"NOCOST\",\"name\":\"No cost\",\"price\":3.00,\"stock\":0,\"reorderThreshold\":2}");
        api.post(
                "/api/products",
                "{\"sku\":\"PLENTY\",\"name\":\"Plenty\",\"price\":1.00,\"stock\":500,\"reorderThreshold\":5}");

        String page = api.get("/reports/reorder").text();

        assertThat(page)
                .contains("id=\"to-order\">2<")
                .contains("id=\"units-to-order\">16<")
                .contains(">LOW<")
                .contains(">NOCOST<")
                .doesNotContain(">PLENTY<");
        assertThat(api.get("/reports/reorder?all=true").text()).contains(">PLENTY<");
        Api.Response list = api.get("/reports/purchase-list.csv");
        assertThat(list.header("Content-Disposition")).startsWith("attachment").contains("purchase-list-");
        assertThat(list.text())
                .isEqualTo(api.get("/api/reports/reorder?format=csv").text());
        List<String> lines = list.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("sku,name,supplier,suggestedQuantity,unitCost,orderCost,");
        assertThat(lines.get(1)).startsWith("LOW,Low one,,12,2.50,30.00,");
        assertThat(lines.get(2)).startsWith("NOCOST,No cost,,4,,,");
    }

    @Test
    void theFullReorderCsvIsTheReportsApis() {
        api.post("/api/products", product("LOW", "9.00", 1, 5));

        assertThat(api.get("/reports/reorder.csv").text())
                .isEqualTo(api.get("/api/reports/reorder?format=csv&all=true").text())
                .contains("LOW,");
    }

    @Test
    void theSlowMoversPageListsStockThatHasNotSold() {
        api.post("/api/products", product("DUST", "4.00", 3, 0));
        api.post("/api/products", product("HOT", "4.00", 30, 0));
        jdbc.sql("UPDATE product SET created_at = :at")
                .param("at", Instant.now().minus(Duration.ofDays(100)).toEpochMilli())
                .update();
        api.post("/api/purchases", purchase("HOT", 1));

        String page = api.get("/reports/slow?days=30").text();

        assertThat(page).contains("id=\"slow-products\">1<").contains(">DUST<").doesNotContain(">HOT<");
        assertThat(api.get("/reports/slow.csv?days=30").text())
                .isEqualTo(api.get("/api/reports/slow?days=30&format=csv").text());
    }

    @Test
    void theSalesCsvOfThePageIsTheReportsApis() {
        api.post(
                "/api/products",
                "{\"sku\":\"CMD\",\"name\":\"=HYPERLINK(1)\",\"price\":10,\"cost\":4,\"stock\":10,\"reorderThreshold\":2}");
        api.post("/api/purchases", purchase("CMD", 3));

        String page = api.get("/reports/sales.csv").text();

        assertThat(page)
                .isEqualTo(api.get("/api/reports/sales?format=csv").text())
                .contains("'=HYPERLINK(1)");
    }

    @Test
    void everyReportPageLinksToTheOthers() {
        for (String path : List.of("/reports", "/reports/valuation", "/reports/reorder", "/reports/slow")) {
            assertThat(api.get(path).text())
                    .as(path)
                    .contains("<nav class=\"tabs\" aria-label=\"Reports\">")
                    .contains("href=\"/reports/valuation\"")
                    .contains("href=\"/reports/reorder\"")
                    .contains("href=\"/reports/slow\"");
        }
    }
}
